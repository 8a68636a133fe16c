//! The rulebook of a jurisdiction: professions and their secrecy regime,
//! kinds of information, the acts that open channels, and the legal frames
//! through which information may pass.
//!
//! A rulebook is data that lawyers correct, kept once in its own file and
//! used by every case that names it. The engine knows no legal concept of
//! any country by name: it only reads this data.

use serde::{Deserialize, Serialize};

use crate::id::Id;
use crate::text::{Lang, Text};

fn default_languages() -> Vec<Lang> {
    vec!["fr".to_owned(), "en".to_owned()]
}
fn yes() -> bool {
    true
}

/// The legal rules of one jurisdiction, as written in one `.ron` file.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Rulebook {
    /// Short snake_case id, which cases name in `rulebook: "…"`.
    pub id: Id,
    /// Languages the rulebook is written in; French and English are required.
    #[serde(default = "default_languages")]
    pub languages: Vec<Lang>,
    /// Its name, such as "Droit français de la protection de l'enfance".
    pub name: Text,
    /// The date of the state of the law it describes, as `YYYY-MM-DD`.
    pub law_as_of: String,
    /// Points a lawyer should confirm before the rulebook is relied on.
    #[serde(default)]
    pub to_confirm: Vec<Text>,
    /// Families of professions (child protection, health, justice…), by
    /// which debriefs lay out the roles of a table.
    #[serde(default)]
    pub families: Vec<Family>,
    /// Professions and their secrecy regime.
    pub professions: Vec<Profession>,
    /// Kinds of information, which clues belong to.
    pub classes: Vec<InfoClass>,
    /// Acts that open a frame, such as a requisition.
    #[serde(default)]
    pub acts: Vec<ActKind>,
    /// States of fact that some frames need, such as a child missing from
    /// where she lives; each case says when they hold in its story.
    #[serde(default)]
    pub situations: Vec<Situation>,
    /// Frames through which information may pass.
    pub frames: Vec<Frame>,
}

/// The duty of secrecy that binds a profession.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Secrecy {
    /// Bound by professional secrecy: revealing is an offence unless a law allows it.
    Professional,
    /// Bound by a duty of discretion, not by professional secrecy.
    Discretion,
    /// Bound by neither.
    None,
}

impl Secrecy {
    /// Every regime.
    pub const ALL: [Secrecy; 3] = [Secrecy::Professional, Secrecy::Discretion, Secrecy::None];
}

/// A profession at a table.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Profession {
    /// Id, which roles name in `profession: "…"`.
    pub id: Id,
    /// Its name.
    pub name: Text,
    /// The secrecy regime that binds it.
    pub secrecy: Secrecy,
    /// The article that sets that regime.
    #[serde(default, deserialize_with = "crate::text::citation")]
    pub basis: Text,
    /// The family it belongs to, among the rulebook's `families`.
    #[serde(default)]
    pub family: Option<Id>,
}

/// A family of professions, such as health or justice.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Family {
    /// Id, which professions name in `family: "…"`.
    pub id: Id,
    /// Its name.
    pub name: Text,
}

/// A kind of information, such as medical or investigation material.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct InfoClass {
    /// Id, which clues name in `class: "…"`.
    pub id: Id,
    /// Its name.
    pub name: Text,
    /// What belongs to it.
    #[serde(default)]
    pub description: Option<Text>,
    /// A record (a file's history) rather than a fact observed now: a frame
    /// that carries facts only judges it one step more severely.
    #[serde(default)]
    pub record: bool,
}

/// A kind of act that a role issues to another, which opens a frame back
/// from the addressee to the issuer.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ActKind {
    /// Id of the act.
    pub id: Id,
    /// Its name.
    pub name: Text,
    /// Its legal basis.
    #[serde(deserialize_with = "crate::text::citation")]
    pub basis: Text,
    /// What it is and what it allows, in one line.
    pub explanation: Text,
    /// Professions that may issue it.
    pub by: Vec<Id>,
    /// Professions it may be addressed to; empty means any.
    #[serde(default)]
    pub to: Vec<Id>,
    /// Whether the act names the kinds of information it covers.
    #[serde(default = "yes")]
    pub scoped: bool,
}

/// A state of fact that a frame may need to be lawful, such as an
/// imminent danger to a child. The rulebook names it; each case says when
/// it holds.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Situation {
    /// Id, which frames name in `requires: […]` and cases in `situations`.
    pub id: Id,
    /// Its name, such as "Un mineur a quitté son lieu de vie".
    pub name: Text,
    /// What a trainee reads when a frame is closed because it does not
    /// hold, such as "aucune fugue en cours".
    pub absent: Text,
}

/// What a frame may carry.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum Carries {
    /// Only what is strictly necessary: a clue that supports no indicator,
    /// or a record, is judged one step more severely.
    StrictlyNecessary,
    /// The facts the sender chooses: a record is judged one step more severely.
    #[default]
    Facts,
    /// The whole file.
    WholeFile,
}

/// How a share is judged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Verdict {
    /// The law allows it.
    Allowed,
    /// The law allows it under conditions the sender must check.
    Caution,
    /// A breach of secrecy. Not blocked, but recorded for the debrief.
    Breach,
}

impl Verdict {
    /// One step more severe.
    pub fn stricter(self) -> Verdict {
        match self {
            Verdict::Allowed => Verdict::Caution,
            _ => Verdict::Breach,
        }
    }
}

/// A legal frame through which information may pass.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Frame {
    /// Id of the frame.
    pub id: Id,
    /// Its name.
    pub name: Text,
    /// Its legal basis, such as "CASF L226-2-2".
    #[serde(deserialize_with = "crate::text::citation")]
    pub basis: Text,
    /// What it allows, in one line a trainee understands.
    pub explanation: Text,
    /// The act that opens it: then it runs only from the act's addressee to
    /// its issuer, within the act's scope, while the act stands.
    #[serde(default)]
    pub opened_by: Option<Id>,
    /// Situations that must hold for the frame to be open at all.
    #[serde(default)]
    pub requires: Vec<Id>,
    /// Professions that may send through it; empty means any.
    #[serde(default)]
    pub from: Vec<Id>,
    /// Professions that may receive through it; empty means any.
    #[serde(default)]
    pub to: Vec<Id>,
    /// What it may carry.
    #[serde(default)]
    pub carries: Carries,
    /// Its verdict, unless an exception says otherwise.
    pub verdict: Verdict,
    /// Professions that must receive a copy of what goes through it.
    #[serde(default)]
    pub copy_to: Vec<Id>,
    /// Exceptions, checked in order before the verdict: the first that
    /// matches decides.
    #[serde(default)]
    pub exceptions: Vec<Exception>,
}

/// A verdict that differs for some information, senders or recipients.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Exception {
    /// Kinds of information it covers; empty means every kind.
    #[serde(default)]
    pub classes: Vec<Id>,
    /// Sender professions; empty means any.
    #[serde(default)]
    pub from: Vec<Id>,
    /// Recipient professions; empty means any.
    #[serde(default)]
    pub to: Vec<Id>,
    /// Sender secrecy regimes; empty means any.
    #[serde(default)]
    pub secrecy: Vec<Secrecy>,
    /// Situations that must hold for the exception to apply; empty means
    /// whatever the story.
    #[serde(default)]
    pub situations: Vec<Id>,
    /// The verdict.
    pub verdict: Verdict,
    /// Why, in words a trainee understands.
    pub explanation: Text,
    /// Set when a case added this exception for its story: why the case
    /// departs from the rulebook.
    #[serde(default)]
    pub why: Option<Text>,
}

/// A case's change to its rulebook, for its own story.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    /// The frame it changes.
    pub frame: Id,
    /// Kinds of information it covers; empty means every kind.
    #[serde(default)]
    pub classes: Vec<Id>,
    /// Sender professions; empty means any.
    #[serde(default)]
    pub from: Vec<Id>,
    /// Recipient professions; empty means any.
    #[serde(default)]
    pub to: Vec<Id>,
    /// Sender secrecy regimes; empty means any.
    #[serde(default)]
    pub secrecy: Vec<Secrecy>,
    /// Situations that must hold for the override to apply; empty means
    /// whatever the story.
    #[serde(default)]
    pub situations: Vec<Id>,
    /// The verdict in this case.
    pub verdict: Verdict,
    /// What trainees read about it.
    pub explanation: Text,
    /// Why the case departs from the rulebook, shown in the debrief.
    pub why: Text,
}

impl Override {
    /// The exception it becomes in the frame.
    pub fn exception(&self) -> Exception {
        Exception {
            classes: self.classes.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            secrecy: self.secrecy.clone(),
            situations: self.situations.clone(),
            verdict: self.verdict,
            explanation: self.explanation.clone(),
            why: Some(self.why.clone()),
        }
    }
}

/// Why a frame is not open from a sender to a recipient now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Closed {
    /// The sender's profession may not use this frame.
    NotFrom {
        /// The frame.
        frame: Id,
    },
    /// The frame does not lead to the recipient's profession.
    NotTo {
        /// The frame.
        frame: Id,
        /// The professions it leads to.
        only: Vec<Id>,
    },
    /// The frame opens only with an act the recipient has not addressed to
    /// the sender, or that no longer stands.
    NoAct {
        /// The frame.
        frame: Id,
        /// The act it needs.
        act: Id,
        /// The role that would have to issue it.
        from: Id,
    },
    /// The frame needs a state of fact that does not hold in the story now,
    /// such as a child missing from where she lives.
    NoSituation {
        /// The frame.
        frame: Id,
        /// The situation it needs.
        situation: Id,
    },
    /// The act that opened the frame does not cover this kind of information.
    OutOfScope {
        /// The act's number.
        act: u32,
        /// The kind of information.
        class: Id,
    },
}

/// How a frame judges one piece of information.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Judgement {
    /// The verdict.
    pub verdict: Verdict,
    /// The exception that decided, by position in the frame, if any.
    pub exception: Option<usize>,
    /// The frame carries only what is strictly necessary and this clue
    /// supports no indicator.
    pub not_strictly_necessary: bool,
    /// The frame carries facts only and this is a record.
    pub record: bool,
}

/// What a judgement needs to know about one side of a share.
#[derive(Clone, Copy, Debug)]
pub struct Party<'a> {
    /// The profession's id.
    pub profession: &'a Id,
    /// Its secrecy regime.
    pub secrecy: Secrecy,
}

fn covers(list: &[Id], id: &Id) -> bool {
    list.is_empty() || list.contains(id)
}

impl Frame {
    /// Whether the frame runs between these professions at all, acts aside.
    pub fn between(&self, from: &Id, to: &Id) -> Result<(), Closed> {
        if !covers(&self.from, from) {
            return Err(Closed::NotFrom {
                frame: self.id.clone(),
            });
        }
        if !covers(&self.to, to) {
            return Err(Closed::NotTo {
                frame: self.id.clone(),
                only: self.to.clone(),
            });
        }
        Ok(())
    }

    /// Whether the situations the frame needs hold; `holding` lists the
    /// situations that hold in the story now.
    pub fn in_situation(&self, holding: &[Id]) -> Result<(), Closed> {
        match self.requires.iter().find(|s| !holding.contains(s)) {
            Some(situation) => Err(Closed::NoSituation {
                frame: self.id.clone(),
                situation: situation.clone(),
            }),
            None => Ok(()),
        }
    }

    /// Judges one piece of information of `class` sent through the frame.
    /// `relevant` says whether the clue supports an indicator; `holding`
    /// lists the situations that hold in the story now.
    pub fn judge(
        &self,
        class: &InfoClass,
        relevant: bool,
        from: Party<'_>,
        to: &Id,
        holding: &[Id],
    ) -> Judgement {
        let exception = self.exceptions.iter().position(|e| {
            covers(&e.classes, &class.id)
                && covers(&e.from, from.profession)
                && covers(&e.to, to)
                && (e.secrecy.is_empty() || e.secrecy.contains(&from.secrecy))
                && e.situations.iter().all(|s| holding.contains(s))
        });
        let mut verdict = exception.map_or(self.verdict, |e| self.exceptions[e].verdict);
        let not_strictly_necessary = self.carries == Carries::StrictlyNecessary && !relevant;
        let record = self.carries != Carries::WholeFile && class.record;
        if not_strictly_necessary || record {
            verdict = verdict.stricter();
        }
        Judgement {
            verdict,
            exception,
            not_strictly_necessary,
            record,
        }
    }

    /// The explanation that goes with a judgement.
    pub fn explanation(&self, judgement: &Judgement) -> &Text {
        judgement
            .exception
            .map_or(&self.explanation, |e| &self.exceptions[e].explanation)
    }
}

impl Rulebook {
    /// A profession by id.
    pub fn profession(&self, id: &str) -> Option<&Profession> {
        self.professions.iter().find(|p| p.id.as_str() == id)
    }
    /// A kind of information by id.
    pub fn class(&self, id: &str) -> Option<&InfoClass> {
        self.classes.iter().find(|c| c.id.as_str() == id)
    }
    /// A situation by id.
    pub fn situation(&self, id: &str) -> Option<&Situation> {
        self.situations.iter().find(|s| s.id.as_str() == id)
    }
    /// An act by id.
    pub fn act(&self, id: &str) -> Option<&ActKind> {
        self.acts.iter().find(|a| a.id.as_str() == id)
    }
    /// A frame by id.
    pub fn frame(&self, id: &str) -> Option<&Frame> {
        self.frames.iter().find(|f| f.id.as_str() == id)
    }

    /// The rulebook with a case's overrides placed first among each frame's
    /// exceptions, so that they decide before the rulebook's own.
    pub fn with_overrides(&self, overrides: &[Override]) -> Rulebook {
        let mut merged = self.clone();
        for frame in &mut merged.frames {
            let mine: Vec<Exception> = overrides
                .iter()
                .filter(|o| o.frame == frame.id)
                .map(Override::exception)
                .collect();
            if !mine.is_empty() {
                let rest = std::mem::take(&mut frame.exceptions);
                frame.exceptions = mine;
                frame.exceptions.extend(rest);
            }
        }
        merged
    }
}

/// Rulebooks by name, for a loader that does no I/O: the shell reads the
/// files and hands their text over.
pub trait Shelf {
    /// The rulebook named `name`: the file it was read from, and its text.
    fn rulebook(&self, name: &str) -> Option<(String, String)>;
}

/// A shelf in memory.
#[derive(Clone, Debug, Default)]
pub struct Books(pub Vec<(String, String, String)>);

impl Books {
    /// A shelf with one rulebook: its name, file and text.
    pub fn one(name: &str, file: &str, text: &str) -> Books {
        Books(vec![(name.to_owned(), file.to_owned(), text.to_owned())])
    }
}

impl Shelf for Books {
    fn rulebook(&self, name: &str) -> Option<(String, String)> {
        self.0
            .iter()
            .find(|(n, _, _)| n == name)
            .map(|(_, file, text)| (file.clone(), text.clone()))
    }
}

impl<F: Fn(&str) -> Option<(String, String)>> Shelf for F {
    fn rulebook(&self, name: &str) -> Option<(String, String)> {
        self(name)
    }
}
