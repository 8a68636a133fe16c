//! `faisceau migrate OLD_CASE [--lang fr|en]`: a case written before
//! rulebooks, its old sharing rules side by side with the verdicts the
//! rulebook gives the same shares, and the overrides that would keep the
//! old intent where the two differ. Nothing is written: the author decides,
//! rule by rule, whether the case departs from the law on purpose (an
//! override with its reason) or followed an old mistake (the rulebook wins).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use faisceau_engine::Id;
use faisceau_engine::Shelf as _;
use faisceau_engine::rulebook::{Rulebook, Verdict};
use faisceau_engine::text::Text;
use faisceau_engine::verdicts::{Expectation, Expected, Suite, verify};
use serde::Deserialize;

use crate::i18n::Lang;

/// The part of an old case the migration reads; everything else is ignored.
#[derive(Deserialize)]
#[serde(rename = "Scenario")]
struct OldCase {
    #[serde(default)]
    roles: Vec<OldRole>,
    #[serde(default)]
    confidentiality: Vec<OldClass>,
    #[serde(default)]
    sharing_rules: Vec<OldRule>,
}

#[derive(Deserialize)]
struct OldRole {
    id: String,
    profession: OldProfession,
}

#[derive(Deserialize)]
struct OldClass {
    id: String,
}

#[derive(Deserialize)]
struct OldRule {
    #[serde(default)]
    classes: Vec<String>,
    #[serde(default)]
    from: Vec<OldProfession>,
    #[serde(default)]
    to: Vec<OldProfession>,
    #[serde(default)]
    channels: Vec<OldChannel>,
    verdict: Verdict,
}

/// The professions of the old format, and the French rulebook's id for each
/// (docs/authoring.md, "Migrating a case to a rulebook").
#[derive(Clone, Copy, Debug, Deserialize, PartialEq)]
enum OldProfession {
    Educator,
    HeadOfService,
    SocialWorker,
    CripWorker,
    OutreachWorker,
    MinorsEvaluator,
    SchoolNurse,
    Doctor,
    SchoolStaff,
    AdHocAdministrator,
    AssociationWorker,
    Prosecutor,
    ChildrenJudge,
    Police,
    Gendarme,
    BorderPolice,
    #[serde(other)]
    Other,
}

impl OldProfession {
    /// The French rulebook's id, from the engine's table of old names.
    fn new_id(self) -> Option<&'static str> {
        let old = format!("{self:?}");
        faisceau_engine::validate::OLD_PROFESSIONS
            .iter()
            .find(|(name, _)| *name == old)
            .map(|(_, new)| *new)
            .filter(|new| !new.is_empty())
    }
}

/// The channels of the old format: the frame that replaced each, and the
/// act the recipient must have addressed first for the frames that answer
/// one.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq)]
enum OldChannel {
    SecretPartage,
    InformationPreoccupante,
    Signalement,
    Requisition,
    Hearing,
    Informal,
}

impl OldChannel {
    const ALL: [OldChannel; 6] = [
        OldChannel::SecretPartage,
        OldChannel::InformationPreoccupante,
        OldChannel::Signalement,
        OldChannel::Requisition,
        OldChannel::Hearing,
        OldChannel::Informal,
    ];

    fn frame(self) -> (&'static str, Option<&'static str>) {
        match self {
            OldChannel::SecretPartage => ("secret_partage", None),
            OldChannel::InformationPreoccupante => ("information_preoccupante", None),
            OldChannel::Signalement => ("signalement", None),
            OldChannel::Requisition => ("reponse_requisition", Some("requisition")),
            OldChannel::Hearing => ("temoignage", Some("audition")),
            OldChannel::Informal => ("hors_cadre", None),
        }
    }
}

/// The old kinds of information whose id changed; the others kept theirs.
fn new_class(old: &str) -> &str {
    match old {
        "dossier_ase" => "dossier_social",
        other => other,
    }
}

/// Whether the rulebook keeps an old rule's verdict: the same verdict, or
/// a frame closed where the old rule forbade the share anyway.
fn agrees(old: Verdict, judged: Expected) -> bool {
    Expected::from(old) == judged || (old == Verdict::Breach && judged == Expected::Closed)
}

/// Shares of one frame and verdict, folded into one line.
#[derive(Default)]
struct Fold {
    count: usize,
    from: Vec<Id>,
    to: Vec<Id>,
    classes: Vec<Id>,
}

/// One share an old rule spoke of, as the rulebook judges it.
struct Line {
    rule: usize,
    from: Id,
    to: Id,
    class: Id,
    frame: Id,
    old: Verdict,
    judged: Expected,
    closed: Option<faisceau_engine::rulebook::Closed>,
}

pub fn run(path: &Path, lang: Lang) -> Result<ExitCode, String> {
    let fr = lang.code() == "fr";
    let say = |en: &str, fr_text: &str| {
        if fr {
            fr_text.to_owned()
        } else {
            en.to_owned()
        }
    };
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{name}: {e}"))?;
    let old: OldCase = faisceau_engine::load::parse(&text, &name)
        .map_err(|err| super::in_words(&err.diagnostics, lang))?;
    if old.sharing_rules.is_empty() {
        return Err(format!(
            "{name}: {}",
            say(
                "no `sharing_rules`: this case needs no migration of its rules (`faisceau check` it)",
                "pas de `sharing_rules` : les règles de ce cas n'ont rien à migrer (passez-le à `faisceau check`)"
            )
        ));
    }
    let (book_file, book_text) = crate::rulebooks::shelf_for(path)
        .rulebook("france")
        .ok_or_else(|| "no rulebook named france".to_owned())?;
    let book = faisceau_engine::load_rulebook(&book_text, &book_file)
        .map_err(|err| super::in_words(&err.diagnostics, lang))?
        .rulebook;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{name}: {} {} {} ({book_file}, {} {})",
        old.sharing_rules.len(),
        say(
            "old sharing rules, judged again by the rulebook",
            "anciennes règles de partage, jugées de nouveau par le référentiel"
        ),
        book.id,
        say("law as of", "droit au"),
        book.law_as_of
    );
    let mut notes: Vec<String> = Vec::new();
    // The case's professions, in the rulebook's ids.
    let mut at_table: Vec<Id> = Vec::new();
    for role in &old.roles {
        match role.profession.new_id() {
            Some(id) => {
                let id = Id::new(id);
                if !at_table.contains(&id) {
                    at_table.push(id);
                }
            }
            None => notes.push(format!(
                "{} `{}`: {}",
                say("role", "rôle"),
                role.id,
                say(
                    "`Other` has no profession in the rulebook: choose the nearest (docs/authoring.md, \"A profession the rulebook lacks\"); its rules are left out below",
                    "`Other` n'a pas de profession dans le référentiel : choisissez la plus proche (docs/authoring.md, « Une profession que le référentiel n'a pas ») ; ses règles sont laissées de côté ci-dessous"
                )
            )),
        }
    }
    let old_classes: Vec<String> = old.confidentiality.iter().map(|c| c.id.clone()).collect();
    for class in &old_classes {
        let new = new_class(class);
        if !book.classes.iter().any(|c| c.id.as_str() == new) {
            notes.push(format!(
                "{} `{class}`: {}",
                say("kind of information", "catégorie d'information"),
                say(
                    "no kind of information of this name in the rulebook: give its clues the nearest `class` (`faisceau rulebook` lists them); its rules are left out below",
                    "aucune catégorie de ce nom dans le référentiel : donnez à ses indices la `class` la plus proche (`faisceau rulebook` les liste) ; ses règles sont laissées de côté ci-dessous"
                )
            ));
        } else if new != class {
            notes.push(format!(
                "{} `{class}` → `{new}`",
                say("kind of information", "catégorie d'information")
            ));
        }
    }
    let lines = expand(&old, &at_table, &old_classes, &book);
    let suite = Suite {
        rulebook: book.id.clone(),
        shares: lines
            .iter()
            .map(|(_, e)| e.clone())
            .collect::<Vec<Expectation>>(),
    };
    let verification = verify(&book, &suite).map_err(|unknown| format!("{unknown:?}"))?;
    let judged: Vec<Line> = lines
        .iter()
        .zip(&verification.played)
        .map(|((rule, e), played)| Line {
            rule: *rule,
            from: e.from.clone(),
            to: e.to.clone(),
            class: e.class.clone(),
            frame: e.frame.clone(),
            old: match e.expect {
                Expected::Allowed => Verdict::Allowed,
                Expected::Caution => Verdict::Caution,
                _ => Verdict::Breach,
            },
            judged: played.judged,
            closed: played.closed.clone(),
        })
        .collect();
    for (i, rule) in old.sharing_rules.iter().enumerate() {
        let mine: Vec<&Line> = judged.iter().filter(|l| l.rule == i).collect();
        let agree = mine.iter().filter(|l| agrees(l.old, l.judged)).count();
        let _ = writeln!(
            out,
            "\n{} {}: {} → {}, {} {}, {} {}: {:?} — {} {}/{}",
            say("rule", "règle"),
            i + 1,
            list_or_any(
                &rule
                    .from
                    .iter()
                    .map(|p| format!("{p:?}"))
                    .collect::<Vec<_>>(),
                fr
            ),
            list_or_any(
                &rule.to.iter().map(|p| format!("{p:?}")).collect::<Vec<_>>(),
                fr
            ),
            say("classes", "catégories"),
            list_or_any(&rule.classes, fr),
            say("channels", "canaux"),
            list_or_any(
                &rule
                    .channels
                    .iter()
                    .map(|c| format!("{c:?}"))
                    .collect::<Vec<_>>(),
                fr
            ),
            rule.verdict,
            say("the rulebook agrees on", "le référentiel est d'accord sur"),
            agree,
            mine.len()
        );
        // The differences folded by frame and verdict: one line each, with
        // the senders, recipients and kinds of information concerned.
        let mut folded: BTreeMap<(String, String), Fold> = BTreeMap::new();
        for line in mine.iter().filter(|l| !agrees(l.old, l.judged)) {
            let entry = folded
                .entry((line.frame.to_string(), closed_or_verdict(line, &say)))
                .or_default();
            entry.count += 1;
            add_once(&mut entry.from, &line.from);
            add_once(&mut entry.to, &line.to);
            add_once(&mut entry.classes, &line.class);
        }
        for ((frame, judged), fold) in &folded {
            let Fold {
                count,
                from,
                to,
                classes,
            } = fold;
            let _ = writeln!(
                out,
                "    `{frame}`: {} {judged} — {count} {}: {} → {}; {}",
                say("rulebook", "référentiel"),
                say("share(s)", "partage(s)"),
                joined(from),
                joined(to),
                joined(classes)
            );
        }
    }
    // The overrides that would keep the old verdicts where the rulebook
    // judges otherwise, one per frame and verdict; a closed frame cannot be
    // opened by an override.
    let mut keep: BTreeMap<(String, String), Fold> = BTreeMap::new();
    let mut closed = 0;
    for line in judged.iter().filter(|l| !agrees(l.old, l.judged)) {
        if line.judged == Expected::Closed {
            closed += 1;
            continue;
        }
        let entry = keep
            .entry((line.frame.to_string(), format!("{:?}", line.old)))
            .or_default();
        add_once(&mut entry.from, &line.from);
        add_once(&mut entry.to, &line.to);
        add_once(&mut entry.classes, &line.class);
    }
    let _ = writeln!(out);
    if keep.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            say(
                "No override needed: where the frame is open, the rulebook gives every old rule's verdict.",
                "Aucune dérogation nécessaire : là où le cadre est ouvert, le référentiel donne le verdict de chaque ancienne règle."
            )
        );
    } else {
        let _ = writeln!(
            out,
            "{}",
            say(
                "Overrides that would keep the old verdicts (only where your story needs them: where the old rule was a mistake, let the rulebook decide; write what trainees read and why the case departs):",
                "Dérogations qui garderaient les anciens verdicts (seulement là où votre histoire en a besoin : là où l'ancienne règle était une erreur, laissez le référentiel trancher ; écrivez ce que lisent les stagiaires et pourquoi le cas s'écarte) :"
            )
        );
        let _ = writeln!(out, "overrides: [");
        for (
            (frame, verdict),
            Fold {
                from, to, classes, ..
            },
        ) in &keep
        {
            let ids = |list: &[Id]| {
                list.iter()
                    .map(|id| format!("\"{id}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let _ = writeln!(
                out,
                "    (frame: \"{frame}\", from: [{}], to: [{}], classes: [{}], verdict: {verdict},\n     explanation: (fr: \"…\", en: \"…\"), why: (fr: \"…\", en: \"…\")),",
                ids(from),
                ids(to),
                ids(classes)
            );
        }
        let _ = writeln!(out, "],");
    }
    if closed > 0 {
        let _ = writeln!(
            out,
            "{closed} {}",
            say(
                "share(s) go through a frame that is closed between those professions (marked Closed above): no override can open it; use another frame, or the act that opens it (`acts`).",
                "partage(s) passent par un cadre fermé entre ces professions (marqués Closed ci-dessus) : aucune dérogation ne peut l'ouvrir ; employez un autre cadre, ou l'acte qui l'ouvre (`acts`)."
            )
        );
    }
    for note in &notes {
        let _ = writeln!(out, "{} {note}", say("note:", "remarque :"));
    }
    let _ = writeln!(
        out,
        "\n{}",
        say(
            "Then follow docs/authoring.md, \"Migrating a case to a rulebook\", and run `faisceau check`.",
            "Suivez ensuite docs/authoring.md, « Migrer un cas vers un référentiel », puis lancez `faisceau check`."
        )
    );
    super::emit(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// Every share an old rule speaks of among the case's professions: each
/// sender, recipient (not the sender's own profession), kind of information
/// and channel it names, an empty list meaning all of them.
fn expand(
    old: &OldCase,
    at_table: &[Id],
    old_classes: &[String],
    book: &Rulebook,
) -> Vec<(usize, Expectation)> {
    let known_class = |c: &str| book.classes.iter().any(|k| k.id.as_str() == c);
    let mut lines = Vec::new();
    for (i, rule) in old.sharing_rules.iter().enumerate() {
        let professions = |list: &[OldProfession]| -> Vec<Id> {
            if list.is_empty() {
                at_table.to_vec()
            } else {
                list.iter()
                    .filter_map(|p| p.new_id())
                    .map(Id::new)
                    .filter(|id| at_table.contains(id))
                    .collect()
            }
        };
        let classes: Vec<Id> = if rule.classes.is_empty() {
            old_classes.to_vec()
        } else {
            rule.classes.clone()
        }
        .iter()
        .map(|c| new_class(c))
        .filter(|c| known_class(c))
        .map(Id::new)
        .collect();
        let channels: Vec<OldChannel> = if rule.channels.is_empty() {
            OldChannel::ALL.to_vec()
        } else {
            rule.channels.clone()
        };
        for from in professions(&rule.from) {
            for to in professions(&rule.to) {
                if from == to {
                    continue;
                }
                for class in &classes {
                    for channel in &channels {
                        let (frame, after) = channel.frame();
                        if !book.frames.iter().any(|f| f.id.as_str() == frame) {
                            continue;
                        }
                        lines.push((
                            i,
                            Expectation {
                                from: from.clone(),
                                to: to.clone(),
                                class: class.clone(),
                                frame: Id::new(frame),
                                situations: Vec::new(),
                                after: after.map(Id::new),
                                relevant: true,
                                expect: rule.verdict.into(),
                                basis: Text::fr_en("ancienne règle", "old rule"),
                            },
                        ));
                    }
                }
            }
        }
    }
    lines
}

/// The rulebook's verdict on a line, or why its frame is closed, in words.
fn closed_or_verdict(line: &Line, say: &dyn Fn(&str, &str) -> String) -> String {
    use faisceau_engine::rulebook::Closed;
    match &line.closed {
        None => format!("{:?}", line.judged),
        Some(Closed::NotFrom { .. }) => say(
            "closed: the frame does not run from these senders",
            "fermé : le cadre ne part pas de ces expéditeurs",
        ),
        Some(Closed::NotTo { only, .. }) => format!(
            "{} {}",
            say("closed: the frame runs to", "fermé : le cadre ne va qu'à"),
            joined(only)
        ),
        Some(Closed::NoAct { act, .. }) => format!(
            "{} `{act}` {}",
            say("closed: it answers an act", "fermé : il répond à un acte"),
            say(
                "the recipient must have issued (`acts`)",
                "que le destinataire doit avoir émis (`acts`)"
            )
        ),
        Some(Closed::OutOfScope { class, .. }) => format!(
            "{} `{class}`",
            say(
                "closed: the act does not cover",
                "fermé : l'acte ne couvre pas"
            )
        ),
        Some(Closed::NoSituation { situation, .. }) => format!(
            "{} `{situation}` (`situations`)",
            say(
                "closed: it needs the situation",
                "fermé : il demande la situation"
            )
        ),
    }
}

fn add_once(list: &mut Vec<Id>, id: &Id) {
    if !list.contains(id) {
        list.push(id.clone());
    }
}

fn joined(list: &[Id]) -> String {
    list.iter().map(Id::as_str).collect::<Vec<_>>().join(", ")
}

fn list_or_any(list: &[String], fr: bool) -> String {
    if list.is_empty() {
        if fr { "tous" } else { "all" }.to_owned()
    } else {
        list.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An old case as the shipped ones were before rulebooks (trimmed).
    const OLD: &str = r#"(
        id: "ancien",
        roles: [
            (id: "infirmiere", profession: SchoolNurse),
            (id: "educ", profession: Educator),
            (id: "police", profession: Police),
            (id: "coach", profession: Other),
        ],
        confidentiality: [(id: "medical"), (id: "dossier_ase"), (id: "inconnue")],
        sharing_rules: [
            (classes: ["medical"], from: [SchoolNurse], to: [Educator], channels: [SecretPartage], verdict: Caution),
            (classes: ["medical"], from: [SchoolNurse], to: [Police], channels: [Informal], verdict: Allowed),
        ],
        unmatched_share: Breach,
    )"#;

    #[test]
    fn old_rules_are_judged_again_and_the_differences_get_overrides() {
        let book_text = include_str!("../../scenarios/rulebooks/france.ron");
        let book = faisceau_engine::load_rulebook(book_text, "france.ron")
            .expect("the rulebook loads")
            .rulebook;
        let old: OldCase =
            faisceau_engine::load::parse(OLD, "ancien.ron").expect("the old case parses");
        let at_table: Vec<Id> = old
            .roles
            .iter()
            .filter_map(|r| r.profession.new_id())
            .map(Id::new)
            .collect();
        assert_eq!(at_table.len(), 3, "Other has no rulebook profession");
        let classes: Vec<String> = old.confidentiality.iter().map(|c| c.id.clone()).collect();
        let lines = expand(&old, &at_table, &classes, &book);
        // One share per rule: nurse to educator (medical, secret partagé),
        // nurse to police (medical, informally).
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].1.frame.as_str(), "secret_partage");
        assert_eq!(lines[1].1.frame.as_str(), "hors_cadre");
        let suite = Suite {
            rulebook: book.id.clone(),
            shares: lines.iter().map(|(_, e)| e.clone()).collect(),
        };
        let verification = verify(&book, &suite).expect("known names");
        // Medical secrecy told informally to the police is a breach under
        // the rulebook, whatever the old rule said.
        assert_eq!(verification.played[1].judged, Expected::Breach);
        assert!(!verification.played[1].agrees);
    }
}
