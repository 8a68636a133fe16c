//! The checker: ids declared and referenced, texts in every required
//! language, conditions and effects, and the order of the checks.

use super::finding::*;
use crate::diagnostic::closest;
use crate::id::Id;
use crate::model::{Condition, Effect, Scenario};
use crate::rulebook::Rulebook;
use crate::say;
use crate::text::{REQUIRED_LANGUAGES, Text};
use std::collections::HashMap;

/// A kind of item as messages name it, in English and French.
#[derive(Clone, Copy)]
pub(super) struct Kind {
    pub(super) en: &'static str,
    pub(super) en_plural: &'static str,
    pub(super) fr: &'static str,
    pub(super) fr_plural: &'static str,
    /// French agreement: "inconnue", "déclarées".
    pub(super) feminine: bool,
}

const fn kind(
    en: &'static str,
    en_plural: &'static str,
    fr: &'static str,
    fr_plural: &'static str,
    feminine: bool,
) -> Kind {
    Kind {
        en,
        en_plural,
        fr,
        fr_plural,
        feminine,
    }
}

pub(super) const CATEGORY: Kind = kind(
    "category",
    "categories",
    "catégorie d'indicateurs",
    "catégories d'indicateurs",
    true,
);
pub(super) const INDICATOR: Kind = kind(
    "indicator",
    "indicators",
    "indicateur",
    "indicateurs",
    false,
);
pub(super) const ROLE: Kind = kind("role", "roles", "rôle", "rôles", false);
pub(super) const PERSON: Kind = kind("person", "people", "personne", "personnes", true);
pub(super) const CLUE: Kind = kind("clue", "clues", "indice", "indices", false);
pub(super) const ACTION: Kind = kind("action", "actions", "action", "actions", true);
pub(super) const DECISION: Kind = kind("decision", "decisions", "décision", "décisions", true);
pub(super) const CONCLUSION: Kind = kind(
    "conclusion",
    "conclusions",
    "conclusion",
    "conclusions",
    true,
);
pub(super) const ORIENTATION: Kind = kind(
    "orientation",
    "orientations",
    "orientation",
    "orientations",
    true,
);
pub(super) const INJECT: Kind = kind("inject", "injects", "événement", "événements", false);
pub(super) const SHARE_TRAP: Kind = kind(
    "share trap",
    "share traps",
    "piège de partage",
    "pièges de partage",
    false,
);
pub(super) const PHASE: Kind = kind("phase", "phases", "phase", "phases", true);
pub(super) const TEACHING_POINT: Kind = kind(
    "teaching point",
    "teaching points",
    "point pédagogique",
    "points pédagogiques",
    false,
);
pub(super) const CLASS: Kind = kind(
    "kind of information",
    "kinds of information",
    "catégorie d'information",
    "catégories d'information",
    true,
);
pub(super) const PROFESSION: Kind = kind(
    "profession",
    "professions",
    "profession",
    "professions",
    true,
);
pub(super) const FRAME: Kind = kind("frame", "frames", "cadre", "cadres", false);
pub(super) const ACT: Kind = kind("act", "acts", "acte", "actes", false);
pub(super) const SITUATION: Kind = kind("situation", "situations", "situation", "situations", true);
pub(super) const FAMILY: Kind = kind("family", "families", "famille", "familles", true);

/// The ids declared for one kind of item, with the index of their first declaration.
pub(super) struct Ids<'a> {
    pub(super) kind: Kind,
    /// The list that declares them, such as `clues`.
    pub(super) list: &'static str,
    /// Whether that list is the rulebook's rather than the case's.
    pub(super) in_rulebook: bool,
    pub(super) first: HashMap<&'a str, usize>,
}

impl<'a> Ids<'a> {
    pub(super) fn contains(&self, id: &str) -> bool {
        self.first.contains_key(id)
    }
}

pub(super) struct Checker<'a> {
    /// The case, or none when the rulebook alone is checked.
    pub(super) scenario: Option<&'a Scenario>,
    pub(super) rulebook: &'a Rulebook,
    pub(super) findings: Vec<Finding>,
    pub(super) languages: Vec<&'a str>,
}

/// Checks ids, references, translations and numbers of a case against its
/// rulebook. Returns every finding, not just the first.
pub fn validate(scenario: &Scenario, rulebook: &Rulebook) -> Vec<Finding> {
    let mut checker = Checker {
        scenario: Some(scenario),
        rulebook,
        findings: Vec::new(),
        languages: scenario.languages.iter().map(String::as_str).collect(),
    };
    checker.run();
    checker.findings
}

/// Checks a rulebook on its own: ids, references between its professions,
/// kinds of information, acts and frames, translations and its date.
pub fn validate_rulebook(rulebook: &Rulebook) -> Vec<Finding> {
    let mut checker = Checker {
        scenario: None,
        rulebook,
        findings: Vec::new(),
        languages: rulebook.languages.iter().map(String::as_str).collect(),
    };
    checker.run_rulebook();
    checker.findings
}

/// Checks a rulebook's verdict suite: that it names this rulebook, and
/// that every profession, kind of information, frame, situation and act its
/// shares name is the rulebook's, with the same hints as for a case.
pub fn validate_suite(suite: &crate::verdicts::Suite, rulebook: &Rulebook) -> Vec<Finding> {
    let mut checker = Checker {
        scenario: None,
        rulebook,
        findings: Vec::new(),
        languages: rulebook.languages.iter().map(String::as_str).collect(),
    };
    checker.run_suite(suite);
    checker.findings
}

/// The ids a rulebook declares, for references from a case: its own
/// duplicates are reported against the rulebook's file.
/// The ids a rulebook declares, for references from a case or a suite.
pub(super) struct RulebookIds<'a> {
    pub(super) classes: Ids<'a>,
    pub(super) professions: Ids<'a>,
    pub(super) frames: Ids<'a>,
    pub(super) acts: Ids<'a>,
    pub(super) situations: Ids<'a>,
}

impl<'a> RulebookIds<'a> {
    pub(super) fn of(book: &'a Rulebook) -> RulebookIds<'a> {
        RulebookIds {
            classes: known(CLASS, "classes", &book.classes, |c| &c.id),
            professions: known(PROFESSION, "professions", &book.professions, |p| &p.id),
            frames: known(FRAME, "frames", &book.frames, |f| &f.id),
            acts: known(ACT, "acts", &book.acts, |a| &a.id),
            situations: known(SITUATION, "situations", &book.situations, |s| &s.id),
        }
    }
}

/// The ids of a rulebook's list, for references from a case or a suite.
pub(super) fn known<'a, T>(
    kind: Kind,
    list: &'static str,
    items: &'a [T],
    id: fn(&'a T) -> &'a Id,
) -> Ids<'a> {
    let mut first = HashMap::new();
    for (index, item) in items.iter().enumerate() {
        first.entry(id(item).as_str()).or_insert(index);
    }
    Ids {
        kind,
        list,
        in_rulebook: true,
        first,
    }
}

impl<'a> Checker<'a> {
    pub(super) fn push(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    pub(super) fn declare<T>(
        &mut self,
        kind: Kind,
        list: &'static str,
        items: &'a [T],
        id: fn(&'a T) -> &'a Id,
    ) -> Ids<'a> {
        let mut first = HashMap::new();
        for (index, item) in items.iter().enumerate() {
            let item_id = id(item);
            let path = format!("{list}[{index}].id");
            if !item_id.is_well_formed() {
                self.push(Finding::error(
                    path.clone(),
                    say!("`{item_id}` is not a valid id", "`{item_id}` n'est pas un identifiant valide"),
                    Some(say!(
                        "ids are short snake_case words: lowercase letters, digits and single underscores, starting with a letter, such as `night_runaway`",
                        "un identifiant est un mot court en snake_case : minuscules sans accent, chiffres et tirets bas simples, commençant par une lettre, comme `fugue_nuit`"
                    )),
                ));
            }
            if let Some(previous) = first.insert(item_id.as_str(), index) {
                first.insert(item_id.as_str(), previous);
                let (en, fr) = (kind.en, kind.fr);
                let mut finding = Finding::error(
                    path,
                    say!(
                        "the {en} id `{item_id}` is used twice",
                        "l'identifiant `{item_id}` ({fr}) est employé deux fois"
                    ),
                    Some(say!(
                        "give each one its own id",
                        "donnez à chacun son propre identifiant"
                    )),
                );
                finding.related = Some(format!("{list}[{previous}].id"));
                self.push(finding);
            }
        }
        Ids {
            kind,
            list,
            in_rulebook: false,
            first,
        }
    }

    pub(super) fn reference(&mut self, ids: &Ids<'_>, id: &Id, path: String) {
        if ids.contains(id.as_str()) {
            return;
        }
        // A declared id that is itself malformed is never suggested.
        let valid = ids
            .first
            .keys()
            .copied()
            .filter(|k| Id::new(k).is_well_formed());
        let kind = ids.kind;
        let (en, fr, en_plural, fr_plural) = (kind.en, kind.fr, kind.en_plural, kind.fr_plural);
        let e = if kind.feminine { "e" } else { "" };
        let list = ids.list;
        let (en_where, fr_where) = if ids.in_rulebook {
            (
                format!("the rulebook's `{list}`"),
                format!("`{list}` du référentiel"),
            )
        } else {
            (format!("`{list}`"), format!("`{list}`"))
        };
        let old = (ids.in_rulebook && list == "professions")
            .then(|| OLD_PROFESSIONS.iter().find(|(old, _)| *old == id.as_str()))
            .flatten();
        let hint = match (old, closest(id.as_str(), valid)) {
            (Some((old, "")), _) => say!(
                "`{old}` is a profession of the old format with no equivalent in the rulebook: choose the nearest of the rulebook's professions (`faisceau rulebook` lists them), or see \"A profession the rulebook lacks\" in docs/authoring.md",
                "`{old}` est une profession de l'ancien format sans équivalent dans le référentiel : choisissez la plus proche des professions du référentiel (`faisceau rulebook` les liste), ou voyez « Une profession que le référentiel n'a pas » dans docs/authoring.md"
            ),
            (Some((old, new)), _) if ids.contains(new) => say!(
                "`{old}` is the old format's name: the rulebook's id is `{new}`",
                "`{old}` est le nom de l'ancien format : l'identifiant du référentiel est `{new}`"
            ),
            (_, Some(near)) => say!("did you mean `{near}`?", "vouliez-vous dire `{near}` ?"),
            _ if ids.first.is_empty() => {
                let none = if kind.feminine { "aucune" } else { "aucun" };
                say!(
                    "no {en} is declared in {en_where}",
                    "{none} {fr} n'est déclaré{e} dans {fr_where}"
                )
            }
            _ => {
                let mut known: Vec<&str> = ids.first.keys().copied().collect();
                known.sort_unstable();
                let shown: Vec<String> = known
                    .iter()
                    .take(SHOWN_IDS)
                    .map(|k| format!("`{k}`"))
                    .collect();
                let more = if known.len() > SHOWN_IDS { ", …" } else { "" };
                let shown = shown.join(", ");
                say!(
                    "the {en_plural} declared in {en_where} are {shown}{more}",
                    "les {fr_plural} déclaré{e}s dans {fr_where} sont {shown}{more}"
                )
            }
        };
        let unknown = if kind.feminine { "inconnue" } else { "inconnu" };
        self.push(Finding::error(
            path,
            say!("unknown {en} `{id}`", "{fr} {unknown} : `{id}`"),
            Some(hint),
        ));
    }

    pub(super) fn text(&mut self, text: &Text, path: String) {
        if text.is_blank() {
            self.push(Finding::warning(
                path,
                say!("this text is empty", "ce texte est vide"),
                Some(say!(
                    "write what trainees should read",
                    "écrivez ce que les stagiaires doivent lire"
                )),
            ));
            return;
        }
        let missing: Vec<&str> = self
            .languages
            .iter()
            .copied()
            .filter(|lang| text.exact(lang).is_none_or(|t| t.trim().is_empty()))
            .collect();
        if !missing.is_empty() {
            let (list, first) = (missing.join(", "), missing[0]);
            self.push(Finding::warning(
                path.clone(),
                say!(
                    "missing translation: {list}",
                    "traduction manquante : {list}"
                ),
                Some(say!(
                    "add `{first}: \"…\"` to this text",
                    "ajoutez `{first}: \"…\"` à ce texte"
                )),
            ));
        }
        let extra: Vec<&str> = text
            .languages()
            .filter(|lang| !self.languages.contains(lang))
            .collect();
        if !extra.is_empty() {
            let (list, first) = (extra.join(", "), extra[0]);
            self.push(Finding::warning(
                path,
                say!(
                    "language {list} is not declared in `languages`",
                    "la langue {list} n'est pas déclarée dans `languages`"
                ),
                Some(say!(
                    "add \"{first}\" to `languages`, or remove it here",
                    "ajoutez \"{first}\" à `languages`, ou retirez-la ici"
                )),
            ));
        }
    }

    pub(super) fn run(&mut self) {
        let Some(s) = self.scenario else {
            return;
        };
        self.id_and_languages(&s.id, "`foyer_runaways`", false);
        let categories = self.declare(CATEGORY, "categories", &s.categories, |c| &c.id);
        let indicators = self.declare(INDICATOR, "indicators", &s.indicators, |i| &i.id);
        let roles = self.declare(ROLE, "roles", &s.roles, |r| &r.id);
        let people = self.declare(PERSON, "people", &s.people, |p| &p.id);
        let RulebookIds {
            classes,
            professions,
            frames,
            acts,
            situations,
        } = RulebookIds::of(self.rulebook);
        let clues = self.declare(CLUE, "clues", &s.clues, |c| &c.id);
        let actions = self.declare(ACTION, "actions", &s.actions, |a| &a.id);
        let decisions = self.declare(DECISION, "decisions", &s.decisions, |d| &d.id);
        let conclusions = self.declare(CONCLUSION, "conclusions", &s.conclusions, |c| &c.id);
        let orientations = self.declare(ORIENTATION, "orientations", &s.orientations, |o| &o.id);
        let injects = self.declare(INJECT, "injects", &s.injects, |i| &i.id);
        let share_traps = self.declare(SHARE_TRAP, "share_traps", &s.share_traps, |t| &t.id);
        let phases = self.declare(PHASE, "phases", &s.phases, |p| &p.id);
        self.declare(TEACHING_POINT, "teaching_points", &s.teaching_points, |t| {
            &t.id
        });
        let ids = Refs {
            roles: &roles,
            people: &people,
            clues: &clues,
            actions: &actions,
            decisions: &decisions,
            phases: &phases,
            acts: &acts,
            frames: &frames,
            categories: &categories,
            indicators: &indicators,
            classes: &classes,
            professions: &professions,
            conclusions: &conclusions,
            orientations: &orientations,
            situations: &situations,
            injects: &injects,
            share_traps: &share_traps,
        };
        self.check_rulebook_use(s, &ids);
        self.check_situations(s, &ids);
        self.check_share_traps(s, &ids);
        self.check_meta(s, &ids);
        self.check_taxonomy(s, &ids);
        self.check_roles_and_people(s, &ids);
        self.check_clues(s, &ids);
        self.check_actions(s, &ids);
        self.check_decisions(s, &ids);
        self.check_solution(s, &ids);
        self.check_injects(s, &ids);
        self.check_phases_and_points(s, &ids);
    }

    /// The file's own id, and French and English among its languages.
    pub(super) fn id_and_languages(&mut self, id: &Id, example: &str, rulebook: bool) {
        if !id.is_well_formed() {
            self.push(Finding::error(
                "id",
                say!(
                    "`{id}` is not a valid id",
                    "`{id}` n'est pas un identifiant valide"
                ),
                Some(say!(
                    "ids are short snake_case words such as {example}",
                    "un identifiant est un mot court en snake_case, comme {example}"
                )),
            ));
        }
        let (en, fr) = if rulebook {
            ("every rulebook", "tout référentiel")
        } else {
            ("every case", "tout cas")
        };
        for required in REQUIRED_LANGUAGES {
            if !self.languages.contains(&required) {
                self.push(Finding::error(
                    "languages",
                    say!("the language `{required}` is required", "la langue `{required}` est obligatoire"),
                    Some(say!(
                        "add \"{required}\" to `languages`: {en} is written in French and English",
                        "ajoutez \"{required}\" à `languages` : {fr} est écrit en français et en anglais"
                    )),
                ));
            }
        }
    }

    pub(super) fn basis(&mut self, basis: &Text, path: String) {
        if basis.is_blank() {
            self.push(Finding::warning(
                path,
                say!("no legal basis is given", "aucune base légale n'est donnée"),
                Some(say!(
                    "cite the article, such as \"CASF L226-2-2\"",
                    "citez l'article, comme \"CASF L226-2-2\""
                )),
            ));
        }
    }

    pub(super) fn window(&mut self, phases: &Ids<'_>, window: &Option<(Id, Id)>, path: String) {
        let Some((from, to)) = window else {
            return;
        };
        self.reference(phases, from, format!("{path}[0]"));
        self.reference(phases, to, format!("{path}[1]"));
        if let (Some(a), Some(b)) = (
            phases.first.get(from.as_str()),
            phases.first.get(to.as_str()),
        ) && a > b
        {
            self.push(Finding::error(
                path,
                say!(
                    "the phase `{from}` comes after `{to}`",
                    "la phase `{from}` vient après `{to}`"
                ),
                Some(say!(
                    "write the window as (first phase, last phase)",
                    "écrivez la fenêtre (première phase, dernière phase)"
                )),
            ));
        }
    }

    pub(super) fn conditions(&mut self, ids: &Refs<'_, 'a>, conditions: &[Condition], path: &str) {
        for (i, condition) in conditions.iter().enumerate() {
            let at = format!("{path}[{i}]");
            self.condition(ids, condition, at);
        }
    }

    pub(super) fn condition(&mut self, ids: &Refs<'_, 'a>, condition: &Condition, at: String) {
        match condition {
            Condition::All(list) | Condition::Any(list) => {
                if list.is_empty() {
                    self.push(Finding::error(
                        at.clone(),
                        say!(
                            "this list of conditions is empty",
                            "cette liste de conditions est vide"
                        ),
                        Some(say!(
                            "name at least one condition, or remove it",
                            "nommez au moins une condition, ou retirez la liste"
                        )),
                    ));
                }
                self.conditions(ids, list, &format!("{at}[0]"));
            }
            Condition::Not(inner) => self.condition(ids, inner, format!("{at}[0]")),
            Condition::During { from, to } => {
                self.window(ids.phases, &Some((from.clone(), to.clone())), at)
            }
            Condition::SharedTo { clue, to } => {
                self.reference(ids.clues, clue, format!("{at}.clue"));
                self.reference(ids.roles, to, format!("{at}.to"));
            }
            Condition::SharedBy {
                clue,
                from,
                to,
                through,
            } => {
                self.reference(ids.clues, clue, format!("{at}.clue"));
                if let Some(from) = from {
                    self.reference(ids.roles, from, format!("{at}.from"));
                }
                self.reference(ids.roles, to, format!("{at}.to"));
                if let Some(frame) = through {
                    self.reference(ids.frames, frame, format!("{at}.through"));
                }
            }
            Condition::Issued(act) => self.reference(ids.acts, act, at),
            Condition::Released(inject) => self.reference(ids.injects, inject, at),
            Condition::Situation(situation) => self.reference(ids.situations, situation, at),
            Condition::SharedThrough(frame) => self.reference(ids.frames, frame, at),
            Condition::Knows(clue) => self.reference(ids.clues, clue, at),
            Condition::Decided(decision) => self.reference(ids.decisions, decision, at),
            Condition::FromPhase(phase) => self.reference(ids.phases, phase, at),
            Condition::Done(action) => self.reference(ids.actions, action, at),
            Condition::Trust { person, at_least } => {
                self.reference(ids.people, person, format!("{at}.person"));
                if !(0..=crate::session::MAX_TRUST).contains(at_least) {
                    self.push(Finding::error(
                        format!("{at}.at_least"),
                        say!("trust goes from 0 to 5", "la confiance va de 0 à 5"),
                        None,
                    ));
                }
            }
        }
    }

    pub(super) fn effects(&mut self, ids: &Refs<'_, 'a>, effects: &[Effect], path: &str) {
        for (i, effect) in effects.iter().enumerate() {
            let at = format!("{path}[{i}]");
            match effect {
                Effect::Reveal { clue, to } => {
                    self.reference(ids.clues, clue, format!("{at}.clue"));
                    for (j, role) in to.iter().enumerate() {
                        self.reference(ids.roles, role, format!("{at}.to[{j}]"));
                    }
                }
                Effect::Trust { person, .. } => {
                    self.reference(ids.people, person, format!("{at}.person"))
                }
                Effect::Enable(item) | Effect::Disable(item) => {
                    if !ids.actions.contains(item.as_str())
                        && !ids.decisions.contains(item.as_str())
                    {
                        self.push(Finding::error(
                            format!("{at}[0]"),
                            say!(
                                "unknown action or decision `{item}`",
                                "action ou décision inconnue : `{item}`"
                            ),
                            Some(say!(
                                "name an action or a decision of this case",
                                "nommez une action ou une décision de ce cas"
                            )),
                        ));
                    }
                }
                Effect::Budget { role, hours } => {
                    self.reference(ids.roles, role, format!("{at}.role"));
                    if !hours.is_finite() || hours.abs() > 24.0 {
                        self.push(Finding::error(
                            format!("{at}.hours"),
                            say!(
                                "a change of budget goes from -24 to 24 hours",
                                "un changement de budget va de -24 à 24 heures"
                            ),
                            None,
                        ));
                    }
                }
                Effect::If { condition, then } => {
                    self.condition(ids, condition, format!("{at}.condition"));
                    self.effects(ids, then, &format!("{at}.then"));
                }
            }
        }
    }
}

/// Whether a condition names a situation, anywhere inside it.
pub(super) fn mentions_situation(condition: &Condition) -> bool {
    match condition {
        Condition::Situation(_) => true,
        Condition::All(list) | Condition::Any(list) => list.iter().any(mentions_situation),
        Condition::Not(inner) => mentions_situation(inner),
        _ => false,
    }
}

/// The id sets that references are checked against.
#[derive(Clone, Copy)]
pub(super) struct Refs<'r, 'a> {
    pub(super) roles: &'r Ids<'a>,
    pub(super) people: &'r Ids<'a>,
    pub(super) clues: &'r Ids<'a>,
    pub(super) actions: &'r Ids<'a>,
    pub(super) decisions: &'r Ids<'a>,
    pub(super) phases: &'r Ids<'a>,
    pub(super) acts: &'r Ids<'a>,
    pub(super) frames: &'r Ids<'a>,
    pub(super) categories: &'r Ids<'a>,
    pub(super) indicators: &'r Ids<'a>,
    pub(super) classes: &'r Ids<'a>,
    pub(super) professions: &'r Ids<'a>,
    pub(super) conclusions: &'r Ids<'a>,
    pub(super) orientations: &'r Ids<'a>,
    pub(super) situations: &'r Ids<'a>,
    pub(super) injects: &'r Ids<'a>,
    pub(super) share_traps: &'r Ids<'a>,
}

/// How many ids a "the … declared are" hint lists before "…".
const SHOWN_IDS: usize = 30;

/// The professions of the format before rulebooks, and the French
/// rulebook's id for each (docs/authoring.md, "Migrating"); an empty id:
/// none. `faisceau migrate` reads old cases with it too.
pub const OLD_PROFESSIONS: &[(&str, &str)] = &[
    ("Educator", "educateur"),
    ("HeadOfService", "chef_de_service"),
    ("SocialWorker", "travailleur_social"),
    ("CripWorker", "crip"),
    ("OutreachWorker", "educateur_prevention"),
    ("MinorsEvaluator", "evaluateur_minorite"),
    ("SchoolNurse", "infirmier_scolaire"),
    ("Doctor", "medecin"),
    ("SchoolStaff", "personnel_scolaire"),
    ("AdHocAdministrator", "administrateur_ad_hoc"),
    ("AssociationWorker", "intervenant_associatif"),
    ("Prosecutor", "procureur"),
    ("ChildrenJudge", "juge_des_enfants"),
    ("Police", "policier"),
    ("Gendarme", "gendarme"),
    ("BorderPolice", "police_aux_frontieres"),
    ("Other", ""),
];
