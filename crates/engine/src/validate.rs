//! Structural checks of a parsed scenario: ids, references, translations and
//! numbers. Reachability lives in `analysis`.

use std::collections::HashMap;

use crate::diagnostic::{Severity, closest};
use crate::id::Id;
use crate::model::{Condition, Deadline, Effect, Holds, Scenario, ShareBinding, Trigger, When};
use crate::rulebook::Rulebook;
use crate::text::{REQUIRED_LANGUAGES, Text};

/// A problem found by a check, located by the path of the value.
#[derive(Clone, Debug)]
pub struct Finding {
    /// How serious it is.
    pub severity: Severity,
    /// Path of the value, such as `clues[3].class`.
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
    /// Path of a related value, such as the first of two duplicates.
    pub related: Option<String>,
    /// The problem follows from another one reported too (an action that
    /// needs a clue nobody can discover): `check` lists root causes first.
    pub consequence: bool,
}

impl Finding {
    /// An error at `path`.
    pub fn error(
        path: impl Into<String>,
        message: impl Into<String>,
        hint: Option<String>,
    ) -> Self {
        Finding {
            severity: Severity::Error,
            path: path.into(),
            message: message.into(),
            hint,
            related: None,
            consequence: false,
        }
    }

    /// The same finding, marked as following from another one reported too.
    pub fn consequence_if(mut self, consequence: bool) -> Self {
        self.consequence = consequence;
        self
    }

    /// A warning at `path`.
    pub fn warning(
        path: impl Into<String>,
        message: impl Into<String>,
        hint: Option<String>,
    ) -> Self {
        Finding {
            severity: Severity::Warning,
            path: path.into(),
            message: message.into(),
            hint,
            related: None,
            consequence: false,
        }
    }
}

/// The ids declared for one kind of item, with the index of their first declaration.
struct Ids<'a> {
    kind: &'static str,
    list: &'static str,
    first: HashMap<&'a str, usize>,
}

impl<'a> Ids<'a> {
    fn contains(&self, id: &str) -> bool {
        self.first.contains_key(id)
    }
}

struct Checker<'a> {
    /// The case, or none when the rulebook alone is checked.
    scenario: Option<&'a Scenario>,
    rulebook: &'a Rulebook,
    findings: Vec<Finding>,
    languages: Vec<&'a str>,
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
fn known<'a, T>(
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
    fn push(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    fn declare<T>(
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

    fn reference(&mut self, ids: &Ids<'_>, id: &Id, path: String) {
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

    fn text(&mut self, text: &Text, path: String) {
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

    fn run(&mut self) {
        let Some(s) = self.scenario else {
            return;
        };
        self.id_and_languages(&s.id, "`foyer_runaways`", "case");
        let categories = self.declare("category", "categories", &s.categories, |c| &c.id);
        let indicators = self.declare("indicator", "indicators", &s.indicators, |i| &i.id);
        let roles = self.declare("role", "roles", &s.roles, |r| &r.id);
        let people = self.declare("person", "people", &s.people, |p| &p.id);
        let book = self.rulebook;
        let classes = known(
            "kind of information",
            "the rulebook's classes",
            &book.classes,
            |c| &c.id,
        );
        let professions = known(
            "profession",
            "the rulebook's professions",
            &book.professions,
            |p| &p.id,
        );
        let frames = known("frame", "the rulebook's frames", &book.frames, |f| &f.id);
        let acts = known("act", "the rulebook's acts", &book.acts, |a| &a.id);
        let situations = known(
            "situation",
            "the rulebook's situations",
            &book.situations,
            |s| &s.id,
        );
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

    /// Checks rulebook, overrides and act conditions.
    fn check_rulebook_use(&mut self, s: &'a Scenario, ids: &Refs<'_, 'a>) {
        let Refs {
            roles,
            acts,
            frames,
            classes,
            professions,
            ..
        } = *ids;
        let book = self.rulebook;
        if s.rulebook != book.id {
            self.push(Finding::error(
                "rulebook",
                format!(
                    "the rulebook found for `{}` has the id `{}`",
                    s.rulebook, book.id
                ),
                Some("the file's `id` must be the name the case gives".into()),
            ));
        }
        for (i, o) in s.overrides.iter().enumerate() {
            let at = format!("overrides[{i}]");
            self.reference(frames, &o.frame, format!("{at}.frame"));
            for (j, class) in o.classes.iter().enumerate() {
                self.reference(classes, class, format!("{at}.classes[{j}]"));
            }
            for (j, p) in o.from.iter().enumerate() {
                self.reference(professions, p, format!("{at}.from[{j}]"));
            }
            for (j, p) in o.to.iter().enumerate() {
                self.reference(professions, p, format!("{at}.to[{j}]"));
            }
            for (j, situation) in o.situations.iter().enumerate() {
                self.reference(ids.situations, situation, format!("{at}.situations[{j}]"));
            }
            self.text(&o.explanation, format!("{at}.explanation"));
            self.text(&o.why, format!("{at}.why"));
        }
        for (i, usage) in s.acts.iter().enumerate() {
            let at = format!("acts[{i}]");
            self.reference(acts, &usage.act, format!("{at}.act"));
            for (j, role) in usage.by.iter().enumerate() {
                self.reference(roles, role, format!("{at}.by[{j}]"));
            }
            self.conditions(ids, &usage.requires, &format!("{at}.requires"));
            if let Some(why) = &usage.why {
                self.text(why, format!("{at}.why"));
            }
        }
    }

    /// Checks when the rulebook's situations hold in the story, and that
    /// every situation a frame the case can use needs is defined.
    fn check_situations(&mut self, s: &'a Scenario, ids: &Refs<'_, 'a>) {
        let book = self.rulebook;
        for (i, usage) in s.situations.iter().enumerate() {
            let at = format!("situations[{i}]");
            self.reference(ids.situations, &usage.situation, format!("{at}.situation"));
            if s.situations[..i]
                .iter()
                .any(|u| u.situation == usage.situation)
            {
                self.push(Finding::error(
                    format!("{at}.situation"),
                    format!("the situation `{}` is defined twice", usage.situation),
                    Some("say once when it holds; combine conditions with `Any([…])`".into()),
                ));
            }
            if let Some(note) = &usage.note {
                self.text(note, format!("{at}.note"));
            }
            if let Holds::When(condition) = &usage.holds {
                if mentions_situation(condition) {
                    self.push(Finding::error(
                        format!("{at}.holds"),
                        "a situation cannot depend on a situation",
                        Some(
                            "say when it holds with clues, decisions, phases, injects or acts"
                                .into(),
                        ),
                    ));
                }
                self.condition(ids, condition, format!("{at}.holds[0]"));
            }
        }
        // A situation the case relies on through its rulebook: some frame
        // that needs it runs between two of the case's roles.
        let mut reported: Vec<&Id> = Vec::new();
        for frame in &book.frames {
            for situation in &frame.requires {
                if reported.contains(&situation)
                    || s.situations.iter().any(|u| u.situation == *situation)
                {
                    continue;
                }
                let used = s.roles.iter().any(|from| {
                    s.roles.iter().any(|to| {
                        from.id != to.id && frame.between(&from.profession, &to.profession).is_ok()
                    })
                });
                if used {
                    reported.push(situation);
                    let path = if s.situations.is_empty() {
                        "rulebook".to_owned()
                    } else {
                        "situations".to_owned()
                    };
                    // A warning: the frame stays closed, as if it never held.
                    self.push(Finding::warning(
                        path,
                        format!(
                            "the frame `{}` of the rulebook needs the situation `{situation}`, which this case never defines: the frame stays closed",
                            frame.id
                        ),
                        Some(format!(
                            "add to `situations:` `(situation: \"{situation}\", holds: When(…))` saying when it holds in the story, or `holds: Never`"
                        )),
                    ));
                }
            }
        }
    }

    /// Checks the shares that the case marks as traps.
    fn check_share_traps(&mut self, s: &'a Scenario, ids: &Refs<'_, 'a>) {
        for (i, trap) in s.share_traps.iter().enumerate() {
            let at = format!("share_traps[{i}]");
            if ids.clues.contains(trap.id.as_str()) {
                self.push(Finding::error(
                    format!("{at}.id"),
                    format!("`{}` is already the id of a clue", trap.id),
                    Some("give the share trap an id of its own, such as `partage_police`".into()),
                ));
            }
            self.text(&trap.note, format!("{at}.note"));
            self.binding(ids, &trap.share, &format!("{at}.share"));
            let taught = s
                .teaching_points
                .iter()
                .any(|p| p.when == When::TrapFallen(trap.id.clone()));
            if !taught {
                self.push(Finding::warning(
                    at,
                    format!("the share trap `{}` has no teaching point", trap.id),
                    Some(format!("add a teaching point with `when: TrapFallen(\"{}\")` that says why the share is wrong", trap.id)),
                ));
            }
        }
    }

    fn binding(&mut self, ids: &Refs<'_, 'a>, binding: &ShareBinding, at: &str) {
        match (&binding.clue, &binding.class) {
            (Some(clue), None) => self.reference(ids.clues, clue, format!("{at}.clue")),
            (None, Some(class)) => self.reference(ids.classes, class, format!("{at}.class")),
            _ => self.push(Finding::error(
                at.to_owned(),
                "name either a `clue` or a `class` of information",
                Some("such as `clue: \"confidence_dette\"` or `class: \"confidences\"`".into()),
            )),
        }
        match (&binding.to, &binding.profession) {
            (Some(role), None) => self.reference(ids.roles, role, format!("{at}.to")),
            (None, Some(p)) => self.reference(ids.professions, p, format!("{at}.profession")),
            (None, None) => {}
            _ => self.push(Finding::error(
                at.to_owned(),
                "name either a recipient role `to` or a `profession`, not both",
                None,
            )),
        }
        if let Some(frame) = &binding.frame {
            self.reference(ids.frames, frame, format!("{at}.frame"));
        }
    }

    /// Checks title, texts, sources and the lists a case needs.
    fn check_meta(&mut self, s: &'a Scenario, ids: &Refs<'_, 'a>) {
        let Refs { .. } = *ids;
        self.text(&s.title, "title".into());
        self.text(&s.summary, "summary".into());
        self.text(&s.content_note, "content_note".into());
        for (i, objective) in s.objectives.iter().enumerate() {
            self.text(objective, format!("objectives[{i}]"));
        }
        if s.sources.is_empty() {
            self.push(Finding::warning(
                "sources",
                "the case cites no source",
                Some("cite the indicator lists and legal articles the case relies on".into()),
            ));
        }
        for (list, empty) in [
            ("categories", s.categories.is_empty()),
            ("indicators", s.indicators.is_empty()),
            ("roles", s.roles.is_empty()),
            ("clues", s.clues.is_empty()),
            ("actions", s.actions.is_empty()),
            ("phases", s.phases.is_empty()),
        ] {
            if empty {
                self.push(Finding::error(
                    list,
                    format!("`{list}` is empty"),
                    Some("a case needs at least one; docs/authoring.md shows an example".into()),
                ));
            }
        }
        if s.conclusions.len() < 2 {
            self.push(Finding::error("conclusions", "a case needs at least two conclusions to choose from", Some("add the plausible wrong answers too, such as \"minor at risk\" or \"no exploitation found\"".into())));
        }
    }

    /// Checks categories and indicators.
    fn check_taxonomy(&mut self, s: &'a Scenario, ids: &Refs<'_, 'a>) {
        let Refs { categories, .. } = *ids;
        for (i, category) in s.categories.iter().enumerate() {
            self.text(&category.name, format!("categories[{i}].name"));
            if !s.indicators.iter().any(|ind| ind.category == category.id) {
                self.push(Finding::warning(
                    format!("categories[{i}]"),
                    format!("no indicator belongs to the category `{}`", category.id),
                    Some("add indicators to it, or remove it".into()),
                ));
            }
        }
        for (i, indicator) in s.indicators.iter().enumerate() {
            self.reference(
                categories,
                &indicator.category,
                format!("indicators[{i}].category"),
            );
            self.text(&indicator.name, format!("indicators[{i}].name"));
            if !s
                .clues
                .iter()
                .any(|c| c.indicators.iter().any(|sup| sup.indicator == indicator.id))
            {
                self.push(Finding::warning(
                    format!("indicators[{i}]"),
                    format!("no clue supports the indicator `{}`", indicator.id),
                    Some("link it from a clue's `indicators`, or remove it".into()),
                ));
            }
        }
    }

    /// Checks roles, their professions and budgets, and people.
    fn check_roles_and_people(&mut self, s: &'a Scenario, ids: &Refs<'_, 'a>) {
        let Refs {
            decisions,
            phases,
            professions,
            ..
        } = *ids;
        for (i, role) in s.roles.iter().enumerate() {
            self.reference(
                professions,
                &role.profession,
                format!("roles[{i}].profession"),
            );
            for (j, budget) in role.budget_by_phase.iter().enumerate() {
                self.reference(
                    phases,
                    &budget.phase,
                    format!("roles[{i}].budget_by_phase[{j}].phase"),
                );
                if !(budget.hours >= 0.0 && budget.hours <= 24.0 * 60.0) {
                    self.push(Finding::error(
                        format!("roles[{i}].budget_by_phase[{j}].hours"),
                        "a budget goes from 0 (off duty) to the length of the phase",
                        None,
                    ));
                }
            }
            self.text(&role.name, format!("roles[{i}].name"));
            self.text(&role.brief, format!("roles[{i}].brief"));
            self.text(&role.secrecy, format!("roles[{i}].secrecy"));
            for (j, power) in role.powers.iter().enumerate() {
                self.reference(decisions, power, format!("roles[{i}].powers[{j}]"));
            }
            if !(role.budget_hours > 0.0 && role.budget_hours <= 24.0) {
                self.push(Finding::error(
                    format!("roles[{i}].budget_hours"),
                    "a role's budget must be more than 0 and at most 24 hours per phase",
                    None,
                ));
            }
        }
        for (i, person) in s.people.iter().enumerate() {
            self.text(&person.name, format!("people[{i}].name"));
            self.text(&person.description, format!("people[{i}].description"));
            if !(0..=5).contains(&person.trust) {
                self.push(Finding::error(
                    format!("people[{i}].trust"),
                    "trust goes from 0 to 5",
                    None,
                ));
            }
        }
    }

    /// Checks clues, their supports and traps.
    fn check_clues(&mut self, s: &'a Scenario, ids: &Refs<'_, 'a>) {
        let Refs {
            roles,
            people,
            actions,
            decisions,
            categories,
            indicators,
            classes,
            conclusions,
            ..
        } = *ids;
        for (i, clue) in s.clues.iter().enumerate() {
            let public = [
                (&indicators, "indicator"),
                (&actions, "action"),
                (&decisions, "decision"),
                (&roles, "role"),
                (&people, "person"),
                (&categories, "category"),
            ];
            if let Some((_, kind)) = public
                .iter()
                .find(|(ids, _)| ids.contains(clue.id.as_str()))
            {
                self.push(Finding::warning(
                    format!("clues[{i}].id"),
                    format!("the clue id `{}` is also the id of a {kind}", clue.id),
                    Some("give clues ids of their own: every trainee sees the other ids, and must not see a clue's before finding it".into()),
                ));
            }
            self.text(&clue.text, format!("clues[{i}].text"));
            self.reference(classes, &clue.class, format!("clues[{i}].class"));
            for (j, support) in clue.indicators.iter().enumerate() {
                self.reference(
                    indicators,
                    &support.indicator,
                    format!("clues[{i}].indicators[{j}].indicator"),
                );
                if !(1..=5).contains(&support.weight) {
                    self.push(Finding::error(
                        format!("clues[{i}].indicators[{j}].weight"),
                        "a weight goes from 1 to 5",
                        None,
                    ));
                }
            }
            for (j, role) in clue.known_to.iter().enumerate() {
                self.reference(roles, role, format!("clues[{i}].known_to[{j}]"));
            }
            if let Some(trap) = &clue.trap {
                self.text(&trap.note, format!("clues[{i}].trap.note"));
                if let Some(leads_to) = &trap.leads_to {
                    self.reference(conclusions, leads_to, format!("clues[{i}].trap.leads_to"));
                }
                if trap.leads_to.as_ref() == Some(&s.solution.conclusion) {
                    self.push(Finding::warning(
                        format!("clues[{i}].trap.leads_to"),
                        format!("the trap `{}` leads to the correct conclusion", clue.id),
                        Some("a trap invites a wrong reading: point `leads_to` at the conclusion it tempts toward, such as the one the prejudice suggests".into()),
                    ));
                }
                let taught = s
                    .teaching_points
                    .iter()
                    .any(|t| matches!(&t.when, When::TrapFallen(c) if *c == clue.id));
                if !taught {
                    self.push(Finding::warning(format!("clues[{i}].trap"), format!("the trap `{}` has no teaching point", clue.id), Some(format!("add a teaching point with `when: TrapFallen(\"{}\")` that says why it misleads", clue.id))));
                }
            }
        }
    }

    /// Checks actions and their outcomes.
    fn check_actions(&mut self, s: &'a Scenario, ids: &Refs<'_, 'a>) {
        let Refs {
            roles,
            people,
            clues,
            phases,
            ..
        } = *ids;
        for (i, action) in s.actions.iter().enumerate() {
            self.text(&action.name, format!("actions[{i}].name"));
            if let Some(description) = &action.description {
                self.text(description, format!("actions[{i}].description"));
            }
            if action.by.is_empty() {
                self.push(Finding::error(
                    format!("actions[{i}].by"),
                    format!("no role can take the action `{}`", action.id),
                    Some("list the roles that may take it, such as `by: [\"educator\"]`".into()),
                ));
            }
            for (j, role) in action.by.iter().enumerate() {
                self.reference(roles, role, format!("actions[{i}].by[{j}]"));
            }
            if let Some(person) = &action.person {
                self.reference(people, person, format!("actions[{i}].person"));
            } else if action.trust != 0 || action.outcomes.iter().any(|o| o.trust != 0) {
                self.push(Finding::error(
                    format!("actions[{i}].person"),
                    "this action changes trust but names no person",
                    Some("add `person: \"…\"`".into()),
                ));
            }
            if !(action.cost_hours >= 0.0 && action.cost_hours <= 24.0) {
                self.push(Finding::error(
                    format!("actions[{i}].cost_hours"),
                    "a cost goes from 0 to 24 hours",
                    None,
                ));
            }
            if action.repeatable && action.cost_hours <= 0.0 {
                self.push(Finding::error(
                    format!("actions[{i}].cost_hours"),
                    "a repeatable action must cost some time",
                    Some("give it a `cost_hours` above 0, or make it not `repeatable`".into()),
                ));
            }
            self.conditions(ids, &action.requires, &format!("actions[{i}].requires"));
            self.window(phases, &action.phases, format!("actions[{i}].phases"));
            for (j, clue) in action.reveals.iter().enumerate() {
                self.reference(clues, clue, format!("actions[{i}].reveals[{j}]"));
            }
            for (k, outcome) in action.outcomes.iter().enumerate() {
                if outcome.weight == 0 {
                    self.push(Finding::error(
                        format!("actions[{i}].outcomes[{k}].weight"),
                        "an outcome's weight must be at least 1",
                        Some("remove the outcome rather than give it no chance".into()),
                    ));
                }
                if let Some(text) = &outcome.text {
                    self.text(text, format!("actions[{i}].outcomes[{k}].text"));
                }
                for (j, clue) in outcome.reveals.iter().enumerate() {
                    self.reference(
                        clues,
                        clue,
                        format!("actions[{i}].outcomes[{k}].reveals[{j}]"),
                    );
                }
            }
            if action.reveals.is_empty()
                && action.outcomes.iter().all(|o| o.reveals.is_empty())
                && action.trust == 0
                && action.outcomes.iter().all(|o| o.trust == 0)
            {
                self.push(Finding::warning(
                    format!("actions[{i}]"),
                    format!(
                        "the action `{}` reveals nothing and changes nothing",
                        action.id
                    ),
                    Some("add `reveals`, `outcomes` or `trust`".into()),
                ));
            }
        }
    }

    /// Checks decisions, conclusions and orientations.
    fn check_decisions(&mut self, s: &'a Scenario, ids: &Refs<'_, 'a>) {
        let Refs { phases, .. } = *ids;
        for (i, decision) in s.decisions.iter().enumerate() {
            self.text(&decision.name, format!("decisions[{i}].name"));
            self.text(&decision.description, format!("decisions[{i}].description"));
            self.conditions(ids, &decision.requires, &format!("decisions[{i}].requires"));
            self.effects(ids, &decision.effects, &format!("decisions[{i}].effects"));
            self.window(phases, &decision.phases, format!("decisions[{i}].phases"));
            if !(decision.cost_hours >= 0.0 && decision.cost_hours <= 24.0) {
                self.push(Finding::error(
                    format!("decisions[{i}].cost_hours"),
                    "a cost goes from 0 to 24 hours",
                    None,
                ));
            }
            if !s.roles.iter().any(|r| r.powers.contains(&decision.id)) {
                self.push(Finding::warning(
                    format!("decisions[{i}]"),
                    format!("no role has the power to take `{}`", decision.id),
                    Some(format!("add \"{}\" to some role's `powers`", decision.id)),
                ));
            }
        }
        for (i, conclusion) in s.conclusions.iter().enumerate() {
            self.text(&conclusion.name, format!("conclusions[{i}].name"));
        }
        for (i, orientation) in s.orientations.iter().enumerate() {
            self.text(&orientation.name, format!("orientations[{i}].name"));
        }
    }

    /// Checks the solution.
    fn check_solution(&mut self, s: &'a Scenario, ids: &Refs<'_, 'a>) {
        let Refs {
            roles,
            clues,
            decisions,
            phases,
            categories,
            conclusions,
            orientations,
            ..
        } = *ids;
        let solution = &s.solution;
        self.reference(
            conclusions,
            &solution.conclusion,
            "solution.conclusion".into(),
        );
        if let Some(orientation) = &solution.orientation {
            self.reference(orientations, orientation, "solution.orientation".into());
        }
        for (i, requirement) in solution.bundle.iter().enumerate() {
            self.reference(
                categories,
                &requirement.category,
                format!("solution.bundle[{i}].category"),
            );
        }
        for (i, conclusion) in solution.acceptable_conclusions.iter().enumerate() {
            self.reference(
                conclusions,
                conclusion,
                format!("solution.acceptable_conclusions[{i}]"),
            );
        }
        for (i, expected) in solution.expected_decisions.iter().enumerate() {
            self.reference(
                decisions,
                &expected.decision,
                format!("solution.expected_decisions[{i}].decision"),
            );
            for (j, d) in expected.alternatives.iter().enumerate() {
                self.reference(
                    decisions,
                    d,
                    format!("solution.expected_decisions[{i}].alternatives[{j}]"),
                );
            }
            for (j, d) in expected.acceptable.iter().enumerate() {
                self.reference(
                    decisions,
                    d,
                    format!("solution.expected_decisions[{i}].acceptable[{j}]"),
                );
            }
            match &expected.deadline {
                Some(Deadline::EndOfPhase(phase)) => self.reference(
                    phases,
                    phase,
                    format!("solution.expected_decisions[{i}].deadline"),
                ),
                Some(Deadline::WithinHours(hours))
                    if hours.partial_cmp(&0.0) != Some(std::cmp::Ordering::Greater) =>
                {
                    self.push(Finding::error(
                        format!("solution.expected_decisions[{i}].deadline"),
                        "a deadline must be more than 0 hours",
                        None,
                    ));
                }
                _ => {}
            }
        }
        for (i, share) in solution.key_shares.iter().enumerate() {
            self.reference(clues, &share.clue, format!("solution.key_shares[{i}].clue"));
            self.reference(roles, &share.to, format!("solution.key_shares[{i}].to"));
        }
    }

    /// Checks injects and their triggers.
    fn check_injects(&mut self, s: &'a Scenario, ids: &Refs<'_, 'a>) {
        let Refs {
            roles,
            decisions,
            phases,
            ..
        } = *ids;
        for (i, inject) in s.injects.iter().enumerate() {
            self.text(&inject.name, format!("injects[{i}].name"));
            self.text(&inject.text, format!("injects[{i}].text"));
            for (j, role) in inject.to.iter().enumerate() {
                self.reference(roles, role, format!("injects[{i}].to[{j}]"));
            }
            let path = format!("injects[{i}].trigger");
            let inaction_by = match &inject.trigger {
                Trigger::IfNotDecided { by, .. } | Trigger::IfNotBy { by, .. } => Some(by),
                _ => None,
            };
            if let Some(by) = inaction_by
                && s.phases.last().is_some_and(|last| last.id == *by)
            {
                self.push(Finding::warning(
                    format!("{path}.by"),
                    format!("the inject `{}` waits for the end of the last phase: it would fire as the session ends, when nobody can react", inject.id),
                    Some("name an earlier phase in `by`, so that the table lives with the consequence of its inaction".into()),
                ));
            }
            match &inject.trigger {
                Trigger::Trainer => {}
                Trigger::AtPhase(phase) => self.reference(phases, phase, path),
                Trigger::IfNotDecided { decision, by } => {
                    self.reference(decisions, decision, format!("{path}.decision"));
                    self.reference(phases, by, format!("{path}.by"));
                }
                Trigger::AfterDecision(decision) => self.reference(decisions, decision, path),
                Trigger::When(condition) => {
                    self.conditions(ids, std::slice::from_ref(condition), &format!("{path}[0]"))
                }
                Trigger::IfNotBy { condition, by } => {
                    self.conditions(
                        ids,
                        std::slice::from_ref(condition),
                        &format!("{path}.condition"),
                    );
                    self.reference(phases, by, format!("{path}.by"));
                }
            }
            self.effects(ids, &inject.effects, &format!("injects[{i}].effects"));
        }
    }

    /// Checks phases and teaching points.
    fn check_phases_and_points(&mut self, s: &'a Scenario, ids: &Refs<'_, 'a>) {
        let Refs {
            roles,
            clues,
            decisions,
            ..
        } = *ids;
        for (i, phase) in s.phases.iter().enumerate() {
            self.text(&phase.name, format!("phases[{i}].name"));
            if !(phase.hours > 0.0 && phase.hours <= 24.0 * 60.0) {
                self.push(Finding::error(
                    format!("phases[{i}].hours"),
                    "a phase lasts more than 0 hours and at most 60 days",
                    None,
                ));
            }
        }
        for (i, point) in s.teaching_points.iter().enumerate() {
            self.text(&point.title, format!("teaching_points[{i}].title"));
            self.text(&point.text, format!("teaching_points[{i}].text"));
            let path = format!("teaching_points[{i}].when");
            match &point.when {
                When::Always | When::AnyBreach | When::WrongConclusion => {}
                When::TrapFallen(id) if ids.share_traps.contains(id.as_str()) => {}
                When::Shared(binding) => self.binding(ids, binding, &path),
                When::TrapFallen(clue) => {
                    self.reference(clues, clue, path.clone());
                    if let Some(index) = clues.first.get(clue.as_str())
                        && s.clues[*index].trap.is_none()
                    {
                        self.push(Finding::error(
                            path,
                            format!("the clue `{clue}` is not a trap"),
                            Some("add a `trap` to the clue, or use another `when`".into()),
                        ));
                    }
                }
                When::DecisionMissed(decision) => self.reference(decisions, decision, path),
                When::NotShared { clue, to } => {
                    self.reference(clues, clue, format!("{path}.clue"));
                    self.reference(roles, to, format!("{path}.to"));
                    if let Some(&c) = clues.first.get(clue.as_str())
                        && s.clues[c].known_to.contains(to)
                    {
                        self.push(Finding::warning(
                            path,
                            format!("`{to}` knows the clue `{clue}` from the start: this point can never be raised"),
                            Some("name the role that must be told, or remove it from the clue's `known_to`".into()),
                        ));
                    }
                }
            }
        }
    }

    /// The file's own id, and French and English among its languages.
    fn id_and_languages(&mut self, id: &Id, example: &str, what: &str) {
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

    fn run_suite(&mut self, suite: &crate::verdicts::Suite) {
        let book = self.rulebook;
        if suite.rulebook != book.id {
            self.push(Finding::error(
                "rulebook",
                format!(
                    "this suite is for the rulebook `{}`, not `{}`",
                    suite.rulebook, book.id
                ),
                Some("name the rulebook the suite sits beside".into()),
            ));
        }
        let professions = known(
            "profession",
            "the rulebook's professions",
            &book.professions,
            |p| &p.id,
        );
        let classes = known(
            "kind of information",
            "the rulebook's classes",
            &book.classes,
            |c| &c.id,
        );
        let frames = known("frame", "the rulebook's frames", &book.frames, |f| &f.id);
        let situations = known(
            "situation",
            "the rulebook's situations",
            &book.situations,
            |s| &s.id,
        );
        let acts = known("act", "the rulebook's acts", &book.acts, |a| &a.id);
        for (i, share) in suite.shares.iter().enumerate() {
            let at = format!("shares[{i}]");
            self.reference(&professions, &share.from, format!("{at}.from"));
            self.reference(&professions, &share.to, format!("{at}.to"));
            self.reference(&classes, &share.class, format!("{at}.class"));
            self.reference(&frames, &share.frame, format!("{at}.frame"));
            for (j, situation) in share.situations.iter().enumerate() {
                self.reference(&situations, situation, format!("{at}.situations[{j}]"));
            }
            if let Some(act) = &share.after {
                self.reference(&acts, act, format!("{at}.after"));
            }
            self.basis(&share.basis, format!("{at}.basis"));
        }
    }

    fn run_rulebook(&mut self) {
        let book = self.rulebook;
        self.id_and_languages(&book.id, "`france`", "rulebook");
        let date = book.law_as_of.as_bytes();
        let dated = date.len() == 10
            && date.iter().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    *b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            });
        if !dated {
            self.push(Finding::error(
                "law_as_of",
                format!("`{}` is not a date", book.law_as_of),
                Some("write the date of the state of the law as \"YYYY-MM-DD\", such as \"2026-11-30\"".into()),
            ));
        }
        self.text(&book.name, "name".into());
        for (i, point) in book.to_confirm.iter().enumerate() {
            self.text(point, format!("to_confirm[{i}]"));
        }
        let families = self.declare("family", "families", &book.families, |f| &f.id);
        for (i, f) in book.families.iter().enumerate() {
            self.text(&f.name, format!("families[{i}].name"));
        }
        let professions = self.declare("profession", "professions", &book.professions, |p| &p.id);
        for (i, p) in book.professions.iter().enumerate() {
            if let Some(family) = &p.family {
                self.reference(&families, family, format!("professions[{i}].family"));
            }
        }
        let classes = self.declare("kind of information", "classes", &book.classes, |c| &c.id);
        let acts = self.declare("act", "acts", &book.acts, |a| &a.id);
        let situations = self.declare("situation", "situations", &book.situations, |s| &s.id);
        for (i, situation) in book.situations.iter().enumerate() {
            self.text(&situation.name, format!("situations[{i}].name"));
            self.text(&situation.absent, format!("situations[{i}].absent"));
        }
        self.declare("frame", "frames", &book.frames, |f| &f.id);
        for (i, p) in book.professions.iter().enumerate() {
            self.text(&p.name, format!("professions[{i}].name"));
        }
        for (i, c) in book.classes.iter().enumerate() {
            self.text(&c.name, format!("classes[{i}].name"));
        }
        for (i, act) in book.acts.iter().enumerate() {
            self.text(&act.name, format!("acts[{i}].name"));
            self.text(&act.explanation, format!("acts[{i}].explanation"));
            self.basis(&act.basis, format!("acts[{i}].basis"));
            if act.by.is_empty() {
                self.push(Finding::error(
                    format!("acts[{i}].by"),
                    format!("no profession may issue the act `{}`", act.id),
                    Some(
                        "list the professions that hold this power, such as `by: [\"police\"]`"
                            .into(),
                    ),
                ));
            }
            for (j, p) in act.by.iter().enumerate() {
                self.reference(&professions, p, format!("acts[{i}].by[{j}]"));
            }
            for (j, p) in act.to.iter().enumerate() {
                self.reference(&professions, p, format!("acts[{i}].to[{j}]"));
            }
            if !book
                .frames
                .iter()
                .any(|f| f.opened_by.as_ref() == Some(&act.id))
            {
                self.push(Finding::warning(
                    format!("acts[{i}]"),
                    format!("no frame is opened by the act `{}`", act.id),
                    Some(format!(
                        "add `opened_by: \"{}\"` to the frame it opens",
                        act.id
                    )),
                ));
            }
        }
        for (i, frame) in book.frames.iter().enumerate() {
            let at = format!("frames[{i}]");
            self.text(&frame.name, format!("{at}.name"));
            self.text(&frame.explanation, format!("{at}.explanation"));
            self.basis(&frame.basis, format!("{at}.basis"));
            if let Some(act) = &frame.opened_by {
                self.reference(&acts, act, format!("{at}.opened_by"));
            }
            for (j, situation) in frame.requires.iter().enumerate() {
                self.reference(&situations, situation, format!("{at}.requires[{j}]"));
            }
            for (list, items) in [
                ("from", &frame.from),
                ("to", &frame.to),
                ("copy_to", &frame.copy_to),
            ] {
                for (j, p) in items.iter().enumerate() {
                    self.reference(&professions, p, format!("{at}.{list}[{j}]"));
                }
            }
            for (k, e) in frame.exceptions.iter().enumerate() {
                let at = format!("{at}.exceptions[{k}]");
                self.text(&e.explanation, format!("{at}.explanation"));
                for (j, c) in e.classes.iter().enumerate() {
                    self.reference(&classes, c, format!("{at}.classes[{j}]"));
                }
                for (list, items) in [("from", &e.from), ("to", &e.to)] {
                    for (j, p) in items.iter().enumerate() {
                        self.reference(&professions, p, format!("{at}.{list}[{j}]"));
                    }
                }
                for (j, situation) in e.situations.iter().enumerate() {
                    self.reference(&situations, situation, format!("{at}.situations[{j}]"));
                }
            }
        }
    }

    fn basis(&mut self, basis: &Text, path: String) {
        if basis.is_blank() {
            self.push(Finding::warning(
                path,
                "no legal basis is given",
                Some("cite the article, such as \"CASF L226-2-2\"".into()),
            ));
        }
    }

    fn window(&mut self, phases: &Ids<'_>, window: &Option<(Id, Id)>, path: String) {
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

    fn conditions(&mut self, ids: &Refs<'_, 'a>, conditions: &[Condition], path: &str) {
        for (i, condition) in conditions.iter().enumerate() {
            let at = format!("{path}[{i}]");
            self.condition(ids, condition, at);
        }
    }

    fn condition(&mut self, ids: &Refs<'_, 'a>, condition: &Condition, at: String) {
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

    fn effects(&mut self, ids: &Refs<'_, 'a>, effects: &[Effect], path: &str) {
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
fn mentions_situation(condition: &Condition) -> bool {
    match condition {
        Condition::Situation(_) => true,
        Condition::All(list) | Condition::Any(list) => list.iter().any(mentions_situation),
        Condition::Not(inner) => mentions_situation(inner),
        _ => false,
    }
}

/// The id sets that references are checked against.
#[derive(Clone, Copy)]
struct Refs<'r, 'a> {
    roles: &'r Ids<'a>,
    people: &'r Ids<'a>,
    clues: &'r Ids<'a>,
    actions: &'r Ids<'a>,
    decisions: &'r Ids<'a>,
    phases: &'r Ids<'a>,
    acts: &'r Ids<'a>,
    frames: &'r Ids<'a>,
    categories: &'r Ids<'a>,
    indicators: &'r Ids<'a>,
    classes: &'r Ids<'a>,
    professions: &'r Ids<'a>,
    conclusions: &'r Ids<'a>,
    orientations: &'r Ids<'a>,
    situations: &'r Ids<'a>,
    injects: &'r Ids<'a>,
    share_traps: &'r Ids<'a>,
}

fn plural(kind: &str) -> String {
    match kind {
        "category" => "categories".into(),
        "person" => "people".into(),
        "kind of information" => "kinds of information".into(),
        other => format!("{other}s"),
    }
}
