//! Static analysis: what can ever happen in a case, and can it be solved?
//!
//! The analysis is optimistic: it asks whether something is possible in some
//! run, with every uncertain outcome and every trust gain counted, and with
//! clues travelling through every share the rules allow (allowed or caution).

use serde::Serialize;

use crate::case::Case;
use crate::id::Id;
use crate::model::{Condition, Effect, Trigger};
use crate::say;
use crate::text::Text;
use crate::validate::Finding;

/// What the analysis found.
#[derive(Clone, Debug, Serialize)]
pub struct Analysis {
    /// Whether the solution can be reached: required clues discoverable,
    /// shared where needed, expected decisions takeable, bundle attainable.
    pub solvable: bool,
    /// Clues that some role can come to know.
    pub reachable_clues: usize,
    /// Actions that some role can take.
    pub reachable_actions: usize,
    /// Decisions that some role can take.
    pub reachable_decisions: usize,
    /// For each category of the solution's bundle, the weight reachable and required.
    pub bundle: Vec<CategoryReach>,
    /// For each role, how many clues it can come to know.
    pub role_reach: Vec<RoleReach>,
    /// Problems found, located by path.
    #[serde(skip)]
    pub findings: Vec<Finding>,
}

/// Reachable weight in one category of the bundle.
#[derive(Clone, Debug, Serialize)]
pub struct CategoryReach {
    /// The category.
    pub category: Id,
    /// The total weight of reachable clues' indicators in it.
    pub reachable: u32,
    /// The weight the solution requires.
    pub required: u32,
}

/// How much of the case one role can reach.
#[derive(Clone, Debug, Serialize)]
pub struct RoleReach {
    /// The role.
    pub role: Id,
    /// Clues it can discover itself.
    pub discoverable: usize,
    /// Clues it can know, including what others may share with it.
    pub knowable: usize,
}

struct Reach {
    known: Vec<Vec<bool>>,
    discovered: Vec<Vec<bool>>,
    done: Vec<Vec<bool>>,
    decided: Vec<bool>,
    trust: Vec<i32>,
    actions_enabled: Vec<bool>,
    decisions_enabled: Vec<bool>,
}

impl Reach {
    fn satisfied(&self, case: &Case, role: usize, condition: &Condition) -> bool {
        match condition {
            Condition::Knows(clue) => case
                .clue(clue.as_str())
                .is_some_and(|c| self.known[role][c]),
            Condition::Decided(decision) => case
                .decision(decision.as_str())
                .is_some_and(|d| self.decided[d]),
            Condition::FromPhase(_) => true,
            Condition::Done(action) => case
                .action(action.as_str())
                .is_some_and(|a| self.done[role][a]),
            Condition::Trust { person, at_least } => case
                .person(person.as_str())
                .is_some_and(|p| self.trust[p] >= *at_least),
            Condition::All(all) => all.iter().all(|c| self.satisfied(case, role, c)),
            Condition::Any(any) => any.iter().any(|c| self.satisfied(case, role, c)),
            // Optimistic: a negation or a window may hold at some moment.
            Condition::Not(_) | Condition::During { .. } => true,
            Condition::SharedTo { clue, to } | Condition::SharedBy { clue, to, .. } => case
                .clue(clue.as_str())
                .zip(case.role(to.as_str()))
                .is_some_and(|(c, r)| self.known[r][c]),
            // Optimistic: the trainer may release any inject.
            Condition::Issued(_) | Condition::SharedThrough(_) | Condition::Released(_) => true,
            Condition::Situation(situation) => {
                case.possible_situations().iter().any(|s| s == situation)
            }
        }
    }

    fn raise_trust(&mut self, person: usize, change: i32, repeatable: bool) -> bool {
        if change <= 0 {
            return false;
        }
        let next = if repeatable {
            5
        } else {
            (self.trust[person] + change).min(5)
        };
        if next > self.trust[person] {
            self.trust[person] = next;
            return true;
        }
        false
    }

    fn learn(&mut self, role: usize, clue: usize, discovered: bool) -> bool {
        if discovered {
            self.discovered[role][clue] = true;
        }
        if self.known[role][clue] {
            return false;
        }
        self.known[role][clue] = true;
        true
    }

    /// Applies effects; a reveal with no `to` goes to `audience`.
    fn apply(&mut self, case: &Case, audience: &[usize], effects: &[Effect]) -> bool {
        let mut changed = false;
        for effect in effects {
            match effect {
                Effect::Reveal { clue, to } => {
                    let Some(c) = case.clue(clue.as_str()) else {
                        continue;
                    };
                    if to.is_empty() {
                        for &r in audience {
                            changed |= self.learn(r, c, true);
                        }
                    }
                    for target in to {
                        if let Some(r) = case.role(target.as_str()) {
                            changed |= self.learn(r, c, true);
                        }
                    }
                }
                Effect::Trust { person, change } => {
                    if let Some(p) = case.person(person.as_str()) {
                        changed |= self.raise_trust(p, *change, false);
                    }
                }
                Effect::Enable(item) => {
                    if let Some(a) = case.action(item.as_str()) {
                        changed |= !std::mem::replace(&mut self.actions_enabled[a], true);
                    } else if let Some(d) = case.decision(item.as_str()) {
                        changed |= !std::mem::replace(&mut self.decisions_enabled[d], true);
                    }
                }
                Effect::Disable(_) | Effect::Budget { .. } => {}
                Effect::If { then, .. } => changed |= self.apply(case, audience, then),
            }
        }
        changed
    }
}

/// Analyses a case: reachability of actions, clues and decisions, and whether
/// the solution can be reached.
pub fn analyse(case: &Case) -> Analysis {
    let s = case.scenario();
    let roles = s.roles.len();
    let mut reach = Reach {
        known: vec![vec![false; s.clues.len()]; roles],
        discovered: vec![vec![false; s.clues.len()]; roles],
        done: vec![vec![false; s.actions.len()]; roles],
        decided: vec![false; s.decisions.len()],
        trust: s.people.iter().map(|p| p.trust.clamp(0, 5)).collect(),
        actions_enabled: s.actions.iter().map(|a| a.enabled).collect(),
        decisions_enabled: s.decisions.iter().map(|d| d.enabled).collect(),
    };
    for (c, clue) in s.clues.iter().enumerate() {
        for role in &clue.known_to {
            if let Some(r) = case.role(role.as_str()) {
                reach.learn(r, c, true);
            }
        }
    }
    // Whether some frame lets a clue of each class go from one role to
    // another: one that needs no act, or one that an act the recipient may
    // issue to the sender opens.
    let shareable = |class: usize, from: usize, to: usize| {
        case.shareable(class, from, to) || shareable_on_request(case, class, from, to)
    };
    let mut released = vec![false; s.injects.len()];
    loop {
        let mut changed = false;
        for role in 0..roles {
            for &a in case.role_actions(role) {
                let action = &s.actions[a];
                if reach.done[role][a]
                    || !reach.actions_enabled[a]
                    || case.action_cost(a) > case.max_budget(role)
                    || !action
                        .requires
                        .iter()
                        .all(|c| reach.satisfied(case, role, c))
                {
                    continue;
                }
                reach.done[role][a] = true;
                changed = true;
                let revealed = action
                    .reveals
                    .iter()
                    .chain(action.outcomes.iter().flat_map(|o| o.reveals.iter()));
                for clue in revealed {
                    if let Some(c) = case.clue(clue.as_str()) {
                        reach.learn(role, c, true);
                    }
                }
                if let Some(p) = action.person.as_ref().and_then(|p| case.person(p.as_str())) {
                    let best = action
                        .outcomes
                        .iter()
                        .map(|o| o.trust)
                        .max()
                        .unwrap_or(0)
                        .max(0)
                        + action.trust;
                    reach.raise_trust(p, best, action.repeatable);
                }
            }
        }
        for (d, decision) in s.decisions.iter().enumerate() {
            if reach.decided[d] {
                continue;
            }
            let taker = (0..roles).find(|&r| {
                reach.decisions_enabled[d]
                    && case.has_power(r, d)
                    && decision
                        .requires
                        .iter()
                        .all(|c| reach.satisfied(case, r, c))
            });
            if let Some(role) = taker {
                reach.decided[d] = true;
                changed = true;
                reach.apply(case, &[role], &decision.effects);
            }
        }
        for (i, inject) in s.injects.iter().enumerate() {
            let ready = match &inject.trigger {
                Trigger::AfterDecision(d) => {
                    case.decision(d.as_str()).is_some_and(|d| reach.decided[d])
                }
                _ => true,
            };
            if ready && !released[i] {
                released[i] = true;
                changed = true;
                let audience: Vec<usize> = if inject.to.is_empty() {
                    (0..roles).collect()
                } else {
                    inject
                        .to
                        .iter()
                        .filter_map(|r| case.role(r.as_str()))
                        .collect()
                };
                reach.apply(case, &audience, &inject.effects);
            }
        }
        for c in 0..s.clues.len() {
            let class = case.clue_class[c];
            for from in 0..roles {
                if !reach.known[from][c] {
                    continue;
                }
                for to in 0..roles {
                    if !reach.known[to][c] && shareable(class, from, to) {
                        reach.known[to][c] = true;
                        changed = true;
                    }
                }
            }
        }
        if !changed {
            break;
        }
    }
    report(case, &reach)
}

fn report(case: &Case, reach: &Reach) -> Analysis {
    let s = case.scenario();
    let roles = s.roles.len();
    let mut findings = Vec::new();
    let clue_reachable: Vec<bool> = (0..s.clues.len())
        .map(|c| (0..roles).any(|r| reach.known[r][c]))
        .collect();
    let action_reachable: Vec<bool> = (0..s.actions.len())
        .map(|a| (0..roles).any(|r| reach.done[r][a]))
        .collect();

    // Whether an unmet condition is itself reported as unreachable: then
    // the finding it causes is a consequence, listed after its cause.
    let reported = |condition: &Condition| match condition {
        Condition::Knows(c) => case.clue(c.as_str()).is_some_and(|c| !clue_reachable[c]),
        Condition::Done(a) => case
            .action(a.as_str())
            .is_some_and(|a| !action_reachable[a]),
        Condition::Decided(d) => case.decision(d.as_str()).is_some_and(|d| !reach.decided[d]),
        _ => false,
    };
    for (a, action) in s.actions.iter().enumerate() {
        if !action_reachable[a] {
            findings.push(
                Finding::error(
                    format!("actions[{a}]"),
                    {
                        let id = &action.id;
                        say!(
                            "the action `{id}` can never be taken",
                            "l'action `{id}` ne peut jamais être menée"
                        )
                    },
                    Some(action_blocker(case, reach, a)),
                )
                .consequence_if(action.requires.iter().any(reported)),
            );
        }
    }
    for (c, clue) in s.clues.iter().enumerate() {
        if clue_reachable[c] {
            continue;
        }
        let revealers: Vec<&Id> = s
            .actions
            .iter()
            .filter(|a| {
                a.reveals.contains(&clue.id)
                    || a.outcomes.iter().any(|o| o.reveals.contains(&clue.id))
            })
            .map(|a| &a.id)
            .collect();
        let hint = if revealers.is_empty() {
            say!(
                "no action, decision or inject reveals it: add it to an action's `reveals`, or to `known_to`",
                "aucune action, décision ni aucun événement ne le révèle : ajoutez-le aux `reveals` d'une action, ou à `known_to`"
            )
        } else {
            let revealers = list(&revealers);
            say!(
                "the actions that reveal it can never be taken: {revealers}",
                "les actions qui le révèlent ne peuvent jamais être menées : {revealers}"
            )
        };
        let caused = !revealers.is_empty();
        findings.push(
            Finding::error(
                format!("clues[{c}]"),
                {
                    let id = &clue.id;
                    say!(
                        "the clue `{id}` can never be discovered",
                        "l'indice `{id}` ne peut jamais être découvert"
                    )
                },
                Some(hint),
            )
            .consequence_if(caused),
        );
    }
    for (r, role) in s.roles.iter().enumerate() {
        let acts = case.role_actions(r).iter().any(|&a| reach.done[r][a]);
        if !acts && role.powers.is_empty() {
            findings.push(Finding::error(
                format!("roles[{r}]"),
                {
                    let id = &role.id;
                    say!(
                        "the role `{id}` has nothing to do",
                        "le rôle `{id}` n'a rien à faire"
                    )
                },
                Some(say!(
                    "list it in some action's `by`, or give it `powers`",
                    "listez-le dans le `by` d'une action, ou donnez-lui des `powers`"
                )),
            ));
        }
    }
    let expected: Vec<&Id> = s
        .solution
        .expected_decisions
        .iter()
        .map(|e| &e.decision)
        .collect();
    for (d, decision) in s.decisions.iter().enumerate() {
        if reach.decided[d] || !s.roles.iter().any(|r| r.powers.contains(&decision.id)) {
            continue;
        }
        if !expected.contains(&&decision.id) {
            // Like an action that can never be taken, a power that can never
            // be exercised is a broken case, not a matter of taste.
            findings.push(
                Finding::error(
                    format!("decisions[{d}]"),
                    {
                        let id = &decision.id;
                        say!(
                            "the decision `{id}` can never be taken",
                            "la décision `{id}` ne peut jamais être prise"
                        )
                    },
                    Some(decision_blocker(case, reach, d)),
                )
                .consequence_if(decision.requires.iter().any(reported)),
            );
        }
    }
    let (solvable, bundle) =
        solution_findings(case, reach, &clue_reachable, &reported, &mut findings);
    if solvable && s.solution.bundle.is_empty() && s.solution.expected_decisions.is_empty() {
        findings.push(Finding::warning(
            "solution",
            say!(
                "the solution asks for no bundle and no decision",
                "la solution ne demande ni faisceau ni décision"
            ),
            Some(say!(
                "add `bundle` requirements so that the debrief can judge the table's reasoning",
                "ajoutez des exigences de `bundle` pour que le débriefing juge le raisonnement de la table"
            )),
        ));
    }
    let role_reach = s
        .roles
        .iter()
        .enumerate()
        .map(|(r, role)| RoleReach {
            role: role.id.clone(),
            discoverable: reach.discovered[r].iter().filter(|k| **k).count(),
            knowable: reach.known[r].iter().filter(|k| **k).count(),
        })
        .collect();
    Analysis {
        solvable,
        reachable_clues: clue_reachable.iter().filter(|k| **k).count(),
        reachable_actions: action_reachable.iter().filter(|k| **k).count(),
        reachable_decisions: reach.decided.iter().filter(|k| **k).count(),
        bundle,
        role_reach,
        findings,
    }
}

/// What the solution needs that play can never give: an expected decision
/// never taken, a bundle weight out of reach, a key share that cannot
/// happen. Whether the case is solvable, and each bundle category's reach.
fn solution_findings(
    case: &Case,
    reach: &Reach,
    clue_reachable: &[bool],
    reported: &dyn Fn(&Condition) -> bool,
    findings: &mut Vec<Finding>,
) -> (bool, Vec<CategoryReach>) {
    let s = case.scenario();
    let mut solvable = true;
    for (i, expected) in s.solution.expected_decisions.iter().enumerate() {
        let Some(d) = case.decision(expected.decision.as_str()) else {
            continue;
        };
        if !reach.decided[d] {
            solvable = false;
            findings.push(
                Finding::error(
                    format!("solution.expected_decisions[{i}]"),
                    {
                        let id = &expected.decision;
                        say!(
                            "the solution cannot be reached: the expected decision `{id}` can never be taken",
                            "la solution est hors d'atteinte : la décision attendue `{id}` ne peut jamais être prise"
                        )
                    },
                    Some(decision_blocker(case, reach, d)),
                )
                .consequence_if(s.decisions[d].requires.iter().any(reported)),
            );
        }
    }
    let mut bundle = Vec::new();
    for (i, requirement) in s.solution.bundle.iter().enumerate() {
        let Some(category) = case.category(requirement.category.as_str()) else {
            continue;
        };
        let reachable = reachable_weight(case, clue_reachable, category);
        if reachable < requirement.min_weight {
            solvable = false;
            let missing_clues = clue_reachable.iter().any(|r| !r);
            findings.push(Finding::error(
                format!("solution.bundle[{i}].min_weight"),
                {
                    let (min, category) = (requirement.min_weight, &requirement.category);
                    say!(
                        "the solution cannot be reached: the bundle needs a weight of {min} in `{category}`, but reachable clues give at most {reachable}",
                        "la solution est hors d'atteinte : le faisceau demande un poids de {min} en `{category}`, mais les indices accessibles donnent au plus {reachable}"
                    )
                },
                Some(say!(
                    "lower `min_weight`, or add clues that support this category's indicators",
                    "baissez `min_weight`, ou ajoutez des indices qui étayent les indicateurs de cette catégorie"
                )),
            ).consequence_if(missing_clues));
        }
        bundle.push(CategoryReach {
            category: requirement.category.clone(),
            reachable,
            required: requirement.min_weight,
        });
    }
    for (i, share) in s.solution.key_shares.iter().enumerate() {
        let (Some(c), Some(r)) = (case.clue(share.clue.as_str()), case.role(share.to.as_str()))
        else {
            continue;
        };
        if !reach.known[r][c] {
            solvable = false;
            findings.push(Finding::error(
                format!("solution.key_shares[{i}]"),
                {
                    let (clue, to) = (&share.clue, &share.to);
                    say!(
                        "the solution cannot be reached: the clue `{clue}` can never reach the role `{to}`",
                        "la solution est hors d'atteinte : l'indice `{clue}` ne peut jamais parvenir au rôle `{to}`"
                    )
                },
                Some(if clue_reachable[c] {
                    // An override changes a frame's verdict; it cannot open a
                    // frame that does not run between the two professions.
                    let to_profession = &s.roles[r].profession;
                    let frames: Vec<String> = case
                        .rulebook()
                        .frames
                        .iter()
                        .filter(|f| {
                            s.roles.iter().enumerate().any(|(x, holder)| {
                                x != r
                                    && reach.known[x][c]
                                    && f.between(&holder.profession, to_profession).is_ok()
                            })
                        })
                        .map(|f| format!("`{}`", f.id))
                        .collect();
                    if frames.is_empty() {
                        say!(
                            "no frame of the rulebook runs from a role that can know it to the profession `{to_profession}`, so no override can help: give the clue to another role, or change the key share",
                            "aucun cadre du référentiel ne va d'un rôle qui peut le connaître à la profession `{to_profession}`, et aucune dérogation n'y peut rien : confiez l'indice à un autre rôle, ou changez le partage clé"
                        )
                    } else {
                        let frames = frames.join(", ");
                        say!(
                            "no role that can know it may pass it to this role without a breach; the frames that run between them are {frames}: change the clue's class, add an override of one of them with its reason, or change the key share",
                            "aucun rôle qui peut le connaître ne peut le transmettre à ce rôle sans faute ; les cadres qui vont de l'un à l'autre sont {frames} : changez la catégorie d'information de l'indice, ajoutez une dérogation (`overrides`) à l'un d'eux avec sa raison, ou changez le partage clé"
                        )
                    }
                } else {
                    say!(
                        "the clue itself can never be discovered",
                        "l'indice lui-même ne peut jamais être découvert"
                    )
                }),
            ).consequence_if(!clue_reachable[c]));
        }
    }
    (solvable, bundle)
}

fn reachable_weight(case: &Case, reachable: &[bool], category: usize) -> u32 {
    let s = case.scenario();
    s.clues
        .iter()
        .enumerate()
        .filter(|(c, _)| reachable[*c])
        .flat_map(|(_, clue)| clue.indicators.iter())
        .filter(|support| {
            case.indicator(support.indicator.as_str())
                .is_some_and(|i| case.indicator_category[i] == category)
        })
        .map(|support| support.weight)
        .sum()
}

fn list(ids: &[&Id]) -> String {
    ids.iter()
        .map(|id| format!("`{id}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reasons joined with "; ", in each language.
fn joined(reasons: &[Text]) -> Text {
    let join = |lang: &str, separator: &str| {
        reasons
            .iter()
            .map(|r| r.get(lang))
            .collect::<Vec<_>>()
            .join(separator)
    };
    Text::fr_en(join("fr", " ; "), join("en", "; "))
}

fn never_holds() -> Text {
    say!(
        "its conditions can never hold",
        "ses conditions ne peuvent jamais être remplies"
    )
}

fn blocker(case: &Case, reach: &Reach, role: usize, condition: &Condition) -> Option<Text> {
    if reach.satisfied(case, role, condition) {
        return None;
    }
    let role_id = &case.scenario().roles[role].id;
    Some(match condition {
        Condition::Knows(clue) => say!(
            "`{role_id}` can never come to know the clue `{clue}`",
            "`{role_id}` ne peut jamais apprendre l'indice `{clue}`"
        ),
        Condition::Decided(decision) => say!(
            "the decision `{decision}` can never be taken",
            "la décision `{decision}` ne peut jamais être prise"
        ),
        Condition::Done(action) => say!(
            "`{role_id}` can never take the action `{action}`",
            "`{role_id}` ne peut jamais mener l'action `{action}`"
        ),
        Condition::Trust { person, at_least } => {
            let best = case.person(person.as_str()).map_or(0, |p| reach.trust[p]);
            say!(
                "the trust of `{person}` must reach {at_least}, but can reach at most {best}",
                "la confiance de `{person}` doit atteindre {at_least}, mais ne peut dépasser {best}"
            )
        }
        Condition::FromPhase(phase) => say!(
            "the phase `{phase}` is never reached",
            "la phase `{phase}` n'est jamais atteinte"
        ),
        Condition::All(_) | Condition::Any(_) => say!(
            "a combination of conditions can never hold",
            "une combinaison de conditions ne peut jamais être remplie"
        ),
        Condition::SharedTo { clue, to } | Condition::SharedBy { clue, to, .. } => say!(
            "the clue `{clue}` can never be shared to `{to}`",
            "l'indice `{clue}` ne peut jamais être transmis à `{to}`"
        ),
        Condition::Not(_)
        | Condition::During { .. }
        | Condition::Issued(_)
        | Condition::Released(_)
        | Condition::SharedThrough(_) => never_holds(),
        Condition::Situation(situation) => say!(
            "the situation `{situation}` never holds in this case",
            "la situation `{situation}` ne tient jamais dans ce cas"
        ),
    })
}

/// Whether an act that `to` may issue to `from` opens a frame that carries
/// a relevant clue of `class` without a breach.
fn shareable_on_request(case: &Case, class: usize, from: usize, to: usize) -> bool {
    if from == to {
        return false;
    }
    let book = case.rulebook();
    let possible = case.possible_situations();
    book.frames.iter().enumerate().any(|(f, frame)| {
        frame.opened_by.is_some()
            && frame.in_situation(&possible).is_ok()
            && case.frame_reaches(f, from, to)
            && case
                .judge_class(f, class, true, from, to, &possible)
                .verdict
                != crate::rulebook::Verdict::Breach
    })
}

fn action_blocker(case: &Case, reach: &Reach, action: usize) -> Text {
    let s = case.scenario();
    let a = &s.actions[action];
    let mut reasons = Vec::new();
    for role in &a.by {
        let Some(r) = case.role(role.as_str()) else {
            continue;
        };
        if case.action_cost(action) > case.max_budget(r) {
            reasons.push(say!(
                "it costs more hours than the budget of `{role}`",
                "elle coûte plus d'heures que le budget de `{role}`"
            ));
            continue;
        }
        reasons.extend(a.requires.iter().filter_map(|c| blocker(case, reach, r, c)));
    }
    reasons.dedup();
    if reasons.is_empty() {
        never_holds()
    } else {
        joined(&reasons)
    }
}

fn decision_blocker(case: &Case, reach: &Reach, decision: usize) -> Text {
    let s = case.scenario();
    let holders: Vec<usize> = (0..s.roles.len())
        .filter(|&r| case.has_power(r, decision))
        .collect();
    if holders.is_empty() {
        let id = &s.decisions[decision].id;
        return say!(
            "no role has it in its `powers`: add \"{id}\" to a role's `powers`",
            "aucun rôle ne l'a dans ses `powers` : ajoutez \"{id}\" aux `powers` d'un rôle"
        );
    }
    let mut reasons: Vec<Text> = holders
        .iter()
        .flat_map(|&r| {
            s.decisions[decision]
                .requires
                .iter()
                .filter_map(move |c| blocker(case, reach, r, c))
        })
        .collect();
    reasons.dedup();
    if reasons.is_empty() {
        never_holds()
    } else {
        joined(&reasons)
    }
}
