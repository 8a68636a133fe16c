//! The checker: ids declared and referenced, texts in every required
//! language, conditions and effects, and the order of the checks.

use super::finding::*;
use crate::diagnostic::closest;
use crate::id::Id;
use crate::model::{Condition, Effect, Scenario};
use crate::rulebook::Rulebook;
use crate::text::{REQUIRED_LANGUAGES, Text};
use std::collections::HashMap;

/// The ids declared for one kind of item, with the index of their first declaration.
pub(super) struct Ids<'a> {
    pub(super) kind: &'static str,
    pub(super) list: &'static str,
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
            classes: known(
                "kind of information",
                "the rulebook's classes",
                &book.classes,
                |c| &c.id,
            ),
            professions: known(
                "profession",
                "the rulebook's professions",
                &book.professions,
                |p| &p.id,
            ),
            frames: known("frame", "the rulebook's frames", &book.frames, |f| &f.id),
            acts: known("act", "the rulebook's acts", &book.acts, |a| &a.id),
            situations: known(
                "situation",
                "the rulebook's situations",
                &book.situations,
                |s| &s.id,
            ),
        }
    }
}

pub(super) fn known<'a, T>(
    kind: &'static str,
    list: &'static str,
    items: &'a [T],
    id: fn(&'a T) -> &'a Id,
) -> Ids<'a> {
    let mut first = HashMap::new();
    for (index, item) in items.iter().enumerate() {
        first.entry(id(item).as_str()).or_insert(index);
    }
    Ids { kind, list, first }
}

impl<'a> Checker<'a> {
    pub(super) fn push(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    pub(super) fn declare<T>(
        &mut self,
        kind: &'static str,
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
                    format!("`{item_id}` is not a valid id"),
                    Some("ids are short snake_case words: lowercase letters, digits and single underscores, starting with a letter, such as `night_runaway`".into()),
                ));
            }
            if let Some(previous) = first.insert(item_id.as_str(), index) {
                first.insert(item_id.as_str(), previous);
                let mut finding = Finding::error(
                    path,
                    format!("the {kind} id `{item_id}` is used twice"),
                    Some("give each one its own id".into()),
                );
                finding.related = Some(format!("{list}[{previous}].id"));
                self.push(finding);
            }
        }
        Ids { kind, list, first }
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
        let hint = match closest(id.as_str(), valid) {
            Some(near) => format!("did you mean `{near}`?"),
            None if ids.first.is_empty() => {
                format!("no {} is declared in `{}`", ids.kind, ids.list)
            }
            None => {
                let mut known: Vec<&str> = ids.first.keys().copied().collect();
                known.sort_unstable();
                let shown: Vec<String> = known.iter().take(8).map(|k| format!("`{k}`")).collect();
                let more = if known.len() > 8 { ", …" } else { "" };
                format!(
                    "the {} declared in `{}` are {}{more}",
                    plural(ids.kind),
                    ids.list,
                    shown.join(", ")
                )
            }
        };
        self.push(Finding::error(
            path,
            format!("unknown {} `{id}`", ids.kind),
            Some(hint),
        ));
    }

    pub(super) fn text(&mut self, text: &Text, path: String) {
        if text.is_blank() {
            self.push(Finding::warning(
                path,
                "this text is empty",
                Some("write what trainees should read".into()),
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
            self.push(Finding::warning(
                path.clone(),
                format!("missing translation: {}", missing.join(", ")),
                Some(format!("add `{}: \"…\"` to this text", missing[0])),
            ));
        }
        let extra: Vec<&str> = text
            .languages()
            .filter(|lang| !self.languages.contains(lang))
            .collect();
        if !extra.is_empty() {
            self.push(Finding::warning(
                path,
                format!(
                    "language {} is not declared in `languages`",
                    extra.join(", ")
                ),
                Some(format!(
                    "add \"{}\" to `languages`, or remove it here",
                    extra[0]
                )),
            ));
        }
    }

    pub(super) fn run(&mut self) {
        let Some(s) = self.scenario else {
            return;
        };
        self.id_and_languages(&s.id, "`foyer_runaways`", "case");
        let categories = self.declare("category", "categories", &s.categories, |c| &c.id);
        let indicators = self.declare("indicator", "indicators", &s.indicators, |i| &i.id);
        let roles = self.declare("role", "roles", &s.roles, |r| &r.id);
        let people = self.declare("person", "people", &s.people, |p| &p.id);
        let RulebookIds {
            classes,
            professions,
            frames,
            acts,
            situations,
        } = RulebookIds::of(self.rulebook);
        let clues = self.declare("clue", "clues", &s.clues, |c| &c.id);
        let actions = self.declare("action", "actions", &s.actions, |a| &a.id);
        let decisions = self.declare("decision", "decisions", &s.decisions, |d| &d.id);
        let conclusions = self.declare("conclusion", "conclusions", &s.conclusions, |c| &c.id);
        let orientations = self.declare("orientation", "orientations", &s.orientations, |o| &o.id);
        let injects = self.declare("inject", "injects", &s.injects, |i| &i.id);
        let share_traps = self.declare("share trap", "share_traps", &s.share_traps, |t| &t.id);
        let phases = self.declare("phase", "phases", &s.phases, |p| &p.id);
        self.declare(
            "teaching point",
            "teaching_points",
            &s.teaching_points,
            |t| &t.id,
        );
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
    pub(super) fn id_and_languages(&mut self, id: &Id, example: &str, what: &str) {
        if !id.is_well_formed() {
            self.push(Finding::error(
                "id",
                format!("`{id}` is not a valid id"),
                Some(format!("ids are short snake_case words such as {example}")),
            ));
        }
        for required in REQUIRED_LANGUAGES {
            if !self.languages.contains(&required) {
                self.push(Finding::error(
                    "languages",
                    format!("the language `{required}` is required"),
                    Some(format!("add \"{required}\" to `languages`: every {what} is written in French and English")),
                ));
            }
        }
    }

    pub(super) fn basis(&mut self, basis: &Text, path: String) {
        if basis.is_blank() {
            self.push(Finding::warning(
                path,
                "no legal basis is given",
                Some("cite the article, such as \"CASF L226-2-2\"".into()),
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
                format!("the phase `{from}` comes after `{to}`"),
                Some("write the window as (first phase, last phase)".into()),
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
                        "this list of conditions is empty",
                        Some("name at least one condition, or remove it".into()),
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
                        "trust goes from 0 to 5",
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
                            format!("unknown action or decision `{item}`"),
                            Some("name an action or a decision of this case".into()),
                        ));
                    }
                }
                Effect::Budget { role, hours } => {
                    self.reference(ids.roles, role, format!("{at}.role"));
                    if !hours.is_finite() || hours.abs() > 24.0 {
                        self.push(Finding::error(
                            format!("{at}.hours"),
                            "a change of budget goes from -24 to 24 hours",
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

pub(super) fn plural(kind: &str) -> String {
    match kind {
        "category" => "categories".into(),
        "person" => "people".into(),
        "kind of information" => "kinds of information".into(),
        other => format!("{other}s"),
    }
}
