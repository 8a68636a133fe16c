//! A rulebook's verdict suite: concrete shares with the verdict the law
//! gives them and the article that says so, played against the rulebook.
//!
//! A lawyer who corrects a verdict corrects one line of the suite, or one
//! rule of the rulebook, and sees what else changes.

use serde::{Deserialize, Serialize};

use crate::id::Id;
use crate::rulebook::{Closed, Party, Rulebook, Verdict};
use crate::text::Text;

fn yes() -> bool {
    true
}

/// The suite, as written in a `.verdicts.ron` file beside its rulebook.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Suite {
    /// The rulebook it checks, such as "france".
    pub rulebook: Id,
    /// The shares and their expected verdicts.
    pub shares: Vec<Expectation>,
}

/// One share and the verdict the law gives it.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Expectation {
    /// The sender's profession.
    pub from: Id,
    /// The recipient's profession.
    pub to: Id,
    /// The kind of information.
    pub class: Id,
    /// The frame the sender uses.
    pub frame: Id,
    /// The situations that hold in the story; none means none holds.
    #[serde(default)]
    pub situations: Vec<Id>,
    /// The act the recipient addressed to the sender before the share, if any.
    #[serde(default)]
    pub after: Option<Id>,
    /// Whether the information supports an indicator (what protection
    /// needs); false for a detail that does not.
    #[serde(default = "yes")]
    pub relevant: bool,
    /// The verdict the law gives it.
    pub expect: Expected,
    /// The article, or the review point, that says so.
    #[serde(deserialize_with = "crate::text::citation")]
    pub basis: Text,
}

/// What a share should come to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub enum Expected {
    /// The frame allows it.
    Allowed,
    /// The frame allows it under conditions the sender must check.
    Caution,
    /// A breach of secrecy.
    Breach,
    /// The frame is not open: to this profession, in this situation, or
    /// without this act.
    Closed,
}

impl From<Verdict> for Expected {
    fn from(verdict: Verdict) -> Self {
        match verdict {
            Verdict::Allowed => Expected::Allowed,
            Verdict::Caution => Expected::Caution,
            Verdict::Breach => Expected::Breach,
        }
    }
}

/// How the rulebook judged one line of the suite.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Played {
    /// The line's position in the suite.
    pub line: usize,
    /// What the rulebook gives.
    pub judged: Expected,
    /// Why the frame is closed, if it is.
    pub closed: Option<Closed>,
    /// The frame's exception that decided, if any.
    pub exception: Option<usize>,
    /// Whether the judgement is what the line expects.
    pub agrees: bool,
}

/// A suite played against a rulebook.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Verification {
    /// Each line, in order.
    pub played: Vec<Played>,
    /// Frames no line uses.
    pub frames_without_line: Vec<Id>,
    /// Exceptions that decided no line: the frame and the exception's position.
    pub exceptions_without_line: Vec<(Id, usize)>,
}

impl Verification {
    /// Lines whose judgement differs from what they expect.
    pub fn differences(&self) -> usize {
        self.played.iter().filter(|p| !p.agrees).count()
    }
}

/// Why a line cannot be played: a name the rulebook does not know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unknown {
    /// The line's position.
    pub line: usize,
    /// The field, such as "from".
    pub field: &'static str,
    /// The id it names.
    pub id: Id,
}

/// Plays every line of the suite against the rulebook.
pub fn verify(book: &Rulebook, suite: &Suite) -> Result<Verification, Vec<Unknown>> {
    let unknown = unknown_names(book, suite);
    if !unknown.is_empty() {
        return Err(unknown);
    }
    let mut decided: Vec<Vec<bool>> = book
        .frames
        .iter()
        .map(|f| vec![false; f.exceptions.len()])
        .collect();
    let mut used = vec![false; book.frames.len()];
    let mut played = Vec::with_capacity(suite.shares.len());
    for (line, share) in suite.shares.iter().enumerate() {
        let f = book
            .frames
            .iter()
            .position(|f| f.id == share.frame)
            .unwrap_or_default();
        used[f] = true;
        let (judged, closed, exception) = judge(book, f, share);
        if let Some(e) = exception {
            decided[f][e] = true;
        }
        played.push(Played {
            line,
            judged,
            closed,
            exception,
            agrees: judged == share.expect,
        });
    }
    Ok(Verification {
        played,
        frames_without_line: book
            .frames
            .iter()
            .zip(&used)
            .filter(|(_, used)| !**used)
            .map(|(f, _)| f.id.clone())
            .collect(),
        exceptions_without_line: book
            .frames
            .iter()
            .zip(&decided)
            .flat_map(|(f, d)| {
                d.iter()
                    .enumerate()
                    .filter(|(_, hit)| !**hit)
                    .map(|(e, _)| (f.id.clone(), e))
            })
            .collect(),
    })
}

/// One line's judgement: closed, or the frame's verdict and the exception
/// that decided it.
fn judge(
    book: &Rulebook,
    f: usize,
    share: &Expectation,
) -> (Expected, Option<Closed>, Option<usize>) {
    let frame = &book.frames[f];
    let closed = frame
        .between(&share.from, &share.to)
        .and_then(|()| frame.in_situation(&share.situations))
        .and_then(|()| match &frame.opened_by {
            Some(act) if share.after.as_ref() != Some(act) => Err(Closed::NoAct {
                frame: frame.id.clone(),
                act: act.clone(),
                from: share.to.clone(),
            }),
            _ => Ok(()),
        })
        .err();
    if closed.is_some() {
        return (Expected::Closed, closed, None);
    }
    let (Some(class), Some(sender)) = (
        book.class(share.class.as_str()),
        book.profession(share.from.as_str()),
    ) else {
        return (Expected::Closed, None, None);
    };
    let party = Party {
        profession: &sender.id,
        secrecy: sender.secrecy,
    };
    let judgement = frame.judge(class, share.relevant, party, &share.to, &share.situations);
    (judgement.verdict.into(), None, judgement.exception)
}

fn unknown_names(book: &Rulebook, suite: &Suite) -> Vec<Unknown> {
    let mut unknown = Vec::new();
    for (line, share) in suite.shares.iter().enumerate() {
        let mut check = |field: &'static str, id: &Id, known: bool| {
            if !known {
                unknown.push(Unknown {
                    line,
                    field,
                    id: id.clone(),
                });
            }
        };
        check(
            "from",
            &share.from,
            book.profession(share.from.as_str()).is_some(),
        );
        check(
            "to",
            &share.to,
            book.profession(share.to.as_str()).is_some(),
        );
        check(
            "class",
            &share.class,
            book.class(share.class.as_str()).is_some(),
        );
        check(
            "frame",
            &share.frame,
            book.frame(share.frame.as_str()).is_some(),
        );
        for situation in &share.situations {
            check(
                "situations",
                situation,
                book.situation(situation.as_str()).is_some(),
            );
        }
        if let Some(act) = &share.after {
            check("after", act, book.act(act.as_str()).is_some());
        }
    }
    unknown
}
