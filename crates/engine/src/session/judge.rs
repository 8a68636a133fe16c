//! A role's commands judged against the case's rules: each returns the
//! events it causes, or the refusal that says why not.

use super::events::*;
use super::table::*;
use crate::id::Id;
use crate::refusal::Refusal;
use crate::rulebook::Closed;
use rand::RngExt;

impl Session {
    pub(super) fn note(&self, r: usize, text: String) -> Result<Vec<Event>, Refusal> {
        if self.state.roles[r].notes >= MAX_NOTES {
            return Err(Refusal::TooManyNotes);
        }
        let text = checked_text(text)?;
        Ok(vec![Event {
            at: self.state.table_clock(&self.case),
            kind: EventKind::Noted {
                role: Some(self.role_id(r)),
                text,
            },
        }])
    }

    /// Draws the outcome of an uncertain action by weight.
    pub(super) fn draw_outcome(&self, action: usize) -> Option<u32> {
        let spec = &self.case.scenario().actions[action];
        if spec.outcomes.is_empty() {
            return None;
        }
        let total: u32 = spec.outcomes.iter().map(|o| o.weight).sum();
        let mut draw = self.rng().random_range(0..total.max(1));
        for (i, o) in spec.outcomes.iter().enumerate() {
            if draw < o.weight {
                return Some(i as u32);
            }
            draw -= o.weight;
        }
        Some(0)
    }

    pub(super) fn take_action(&self, r: usize, action: &Id) -> Result<Vec<Event>, Refusal> {
        let case = &*self.case;
        let state = &self.state;
        let role_id = self.role_id(r);
        let a = case.action(action.as_str()).ok_or(Refusal::UnknownAction)?;
        state.can_take(case, r, a)?;
        let spec = &case.scenario().actions[a];
        // The result comes when the role's work is done, and never before what
        // the table has already lived: one time per event, on the table's clock.
        let at = (state.clock(case, r) + case.action_cost(a)).max(state.table_clock(case));
        let outcome = self.draw_outcome(a);
        let mut events = vec![Event {
            at,
            kind: EventKind::ActionTaken {
                role: role_id.clone(),
                action: action.clone(),
                outcome,
            },
        }];
        let drawn = outcome.map(|o| &spec.outcomes[o as usize]);
        let mut learned = Vec::new();
        for clue in spec
            .reveals
            .iter()
            .chain(drawn.iter().flat_map(|o| o.reveals.iter()))
        {
            let c = case.clue(clue.as_str()).ok_or(Refusal::UnknownAction)?;
            if !state.roles[r].known[c] && !learned.contains(&c) {
                learned.push(c);
                events.push(Event {
                    at,
                    kind: EventKind::ClueLearned {
                        role: role_id.clone(),
                        clue: clue.clone(),
                        source: Discovery::Action(action.clone()),
                    },
                });
            }
        }
        let change = spec.trust + drawn.map_or(0, |o| o.trust);
        if let Some(person) = &spec.person
            && change != 0
            && let Some(p) = case.person(person.as_str())
        {
            let level = (state.trust[p] + change).clamp(0, MAX_TRUST);
            if level != state.trust[p] {
                events.push(Event {
                    at,
                    kind: EventKind::TrustChanged {
                        person: person.clone(),
                        level,
                    },
                });
            }
        }
        Ok(events)
    }

    pub(super) fn decide(&self, r: usize, decision: &Id) -> Result<Vec<Event>, Refusal> {
        let case = &*self.case;
        let state = &self.state;
        let role_id = self.role_id(r);
        let d = case
            .decision(decision.as_str())
            .ok_or(Refusal::UnknownDecision)?;
        state.can_decide(case, r, d)?;
        let at = state.table_clock(case);
        let mut events = vec![Event {
            at,
            kind: EventKind::Decided {
                role: role_id.clone(),
                decision: decision.clone(),
            },
        }];
        let mut after = state.clone();
        after.decided[d] = Some((r, at));
        events.extend(effects(
            case,
            &after,
            r,
            &case.scenario().decisions[d].effects,
            &[role_id],
            &Discovery::Decision(decision.clone()),
            at,
        ));
        Ok(events)
    }

    /// The clues a role may send: held ones, each once. Unknown and
    /// not-held clues get the same answer, so that a refusal never confirms
    /// that a clue exists.
    pub(super) fn held_clues(&self, r: usize, clues: &[Id]) -> Result<Vec<usize>, Refusal> {
        let mut held = Vec::new();
        for clue in clues {
            let c = self
                .case
                .clue(clue.as_str())
                .filter(|&c| self.state.roles[r].known[c])
                .ok_or(Refusal::NotHeld)?;
            if !held.contains(&c) {
                held.push(c);
            }
        }
        Ok(held)
    }

    pub(super) fn recipients(&self, r: usize, to: &[Id]) -> Result<Vec<usize>, Refusal> {
        let mut recipients = Vec::new();
        for recipient in to {
            let t = self
                .case
                .role(recipient.as_str())
                .ok_or_else(|| Refusal::UnknownRecipient(recipient.clone()))?;
            if t == r {
                return Err(Refusal::ShareWithSelf);
            }
            if !recipients.contains(&t) {
                recipients.push(t);
            }
        }
        Ok(recipients)
    }

    pub(super) fn share(
        &self,
        r: usize,
        clues: &[Id],
        to: &[Id],
        frame: &Id,
    ) -> Result<Vec<Event>, Refusal> {
        let case = &*self.case;
        let s = case.scenario();
        let state = &self.state;
        if clues.is_empty() {
            return Err(Refusal::NothingToShare);
        }
        if to.is_empty() {
            return Err(Refusal::NoRecipient);
        }
        let held = self.held_clues(r, clues)?;
        let recipients = self.recipients(r, to)?;
        let f = case.frame(frame.as_str()).ok_or(Refusal::UnknownFrame)?;
        let mut answered = None;
        for &t in &recipients {
            let act = state
                .opening_act(case, f, r, t)
                .map_err(Refusal::FrameClosed)?;
            if let Some(act) = act {
                for &c in &held {
                    if !act.scope.is_empty() && !act.scope.contains(&case.clue_class[c]) {
                        return Err(Refusal::FrameClosed(Closed::OutOfScope {
                            act: act.number,
                            class: case.rulebook().classes[case.clue_class[c]].id.clone(),
                        }));
                    }
                }
                answered = Some(act.number);
            }
        }
        let holding = state.holding(case);
        let mut judgements = Vec::new();
        for &c in &held {
            for &t in &recipients {
                judgements.push(ShareJudgement {
                    clue: s.clues[c].id.clone(),
                    to: s.roles[t].id.clone(),
                    judgement: case.judge(c, f, r, t, &holding),
                });
            }
        }
        let (copies, copies_outside) = self.copies(f, r, &recipients);
        Ok(vec![Event {
            at: state.table_clock(case),
            kind: EventKind::Shared {
                from: self.role_id(r),
                to: recipients.iter().map(|&t| s.roles[t].id.clone()).collect(),
                clues: held.iter().map(|&c| s.clues[c].id.clone()).collect(),
                frame: frame.clone(),
                act: answered,
                copies,
                copies_outside,
                judgements,
            },
        }])
    }

    /// Who receives the copy a frame requires: the roles at the table of
    /// each profession owed one, and the professions with no role here.
    pub(super) fn copies(
        &self,
        frame: usize,
        from: usize,
        recipients: &[usize],
    ) -> (Vec<Id>, Vec<Id>) {
        let case = &*self.case;
        let s = case.scenario();
        let mut at_table = Vec::new();
        let mut outside = Vec::new();
        for profession in &case.rulebook().frames[frame].copy_to {
            let holders: Vec<usize> = (0..s.roles.len())
                .filter(|&r| case.profession_of(r).id == *profession)
                .collect();
            if holders.is_empty() {
                outside.push(profession.clone());
            }
            for r in holders {
                if r != from && !recipients.contains(&r) && !at_table.contains(&s.roles[r].id) {
                    at_table.push(s.roles[r].id.clone());
                }
            }
        }
        (at_table, outside)
    }

    pub(super) fn issue(
        &self,
        r: usize,
        act: &Id,
        to: &Id,
        scope: &[Id],
    ) -> Result<Vec<Event>, Refusal> {
        let case = &*self.case;
        let state = &self.state;
        let a = case.act(act.as_str()).ok_or(Refusal::UnknownAct)?;
        state.can_issue(case, r, a)?;
        let t = self.recipients(r, std::slice::from_ref(to))?[0];
        let kind = &case.rulebook().acts[a];
        if !kind.to.is_empty() && !kind.to.contains(&case.profession_of(t).id) {
            return Err(Refusal::NotAnAddressee {
                act: act.clone(),
                only: kind.to.clone(),
            });
        }
        let mut classes: Vec<Id> = Vec::new();
        for class in scope {
            case.class(class.as_str())
                .ok_or_else(|| Refusal::UnknownClass(class.clone()))?;
            if !classes.contains(class) {
                classes.push(class.clone());
            }
        }
        if kind.scoped && classes.is_empty() {
            return Err(Refusal::EmptyScope);
        }
        let number = state.acts.len() as u32 + 1;
        Ok(vec![Event {
            at: state.table_clock(case),
            kind: EventKind::ActIssued {
                number,
                act: act.clone(),
                by: self.role_id(r),
                to: to.clone(),
                scope: classes,
            },
        }])
    }

    pub(super) fn decline(
        &self,
        r: usize,
        number: u32,
        reason: String,
    ) -> Result<Vec<Event>, Refusal> {
        let state = &self.state;
        let act = state
            .acts
            .iter()
            .find(|a| a.number == number && a.to == r)
            .ok_or(Refusal::NoSuchAct)?;
        if act.declined {
            return Err(Refusal::NoSuchAct);
        }
        let reason = checked_text(reason)?;
        Ok(vec![Event {
            at: state.table_clock(&self.case),
            kind: EventKind::ActDeclined {
                number,
                by: self.role_id(r),
                reason,
            },
        }])
    }

    pub(super) fn tag(
        &self,
        r: usize,
        clue: Id,
        indicator: Id,
        add: bool,
    ) -> Result<Vec<Event>, Refusal> {
        let case = &*self.case;
        let state = &self.state;
        let entry = bundle_entry(case, state, r, &clue, &indicator)?;
        let tagged = state.roles[r].bundle.contains(&entry);
        let role = self.role_id(r);
        let kind = match (add, tagged) {
            (true, true) => return Err(Refusal::AlreadyTagged),
            (false, false) => return Err(Refusal::NotTagged),
            (true, false) => EventKind::Tagged {
                role,
                clue,
                indicator,
            },
            (false, true) => EventKind::Untagged {
                role,
                clue,
                indicator,
            },
        };
        Ok(vec![Event {
            at: state.table_clock(case),
            kind,
        }])
    }

    pub(super) fn propose(
        &self,
        r: usize,
        conclusion: Id,
        orientation: Option<Id>,
        reason: String,
    ) -> Result<Vec<Event>, Refusal> {
        let case = &*self.case;
        let state = &self.state;
        case.conclusion(conclusion.as_str())
            .ok_or(Refusal::UnknownConclusion)?;
        if let Some(o) = &orientation {
            case.orientation(o.as_str())
                .ok_or(Refusal::UnknownOrientation)?;
        }
        let reason = checked_text(reason)?;
        let at = state.table_clock(case);
        let number = state.proposals + 1;
        let mut events = vec![Event {
            at,
            kind: EventKind::Proposed {
                role: self.role_id(r),
                proposal: number,
                conclusion: conclusion.clone(),
                orientation: orientation.clone(),
                reason,
            },
        }];
        let mut endorsed = vec![false; state.roles.len()];
        endorsed[r] = true;
        if adopted(case.scenario().adoption, &endorsed) {
            events.extend(adoption(number, conclusion, orientation, at));
        }
        Ok(events)
    }

    pub(super) fn endorse(&self, r: usize, proposal: u32) -> Result<Vec<Event>, Refusal> {
        let case = &*self.case;
        let s = case.scenario();
        let state = &self.state;
        let open = open_proposal(state, proposal)?;
        if open.by == r {
            return Err(Refusal::OwnProposal);
        }
        if open.endorsed[r] {
            return Err(Refusal::AlreadyEndorsed);
        }
        let mut events = vec![Event {
            at: state.table_clock(case),
            kind: EventKind::Endorsed {
                role: self.role_id(r),
                proposal,
            },
        }];
        let mut endorsed = open.endorsed.clone();
        endorsed[r] = true;
        if adopted(s.adoption, &endorsed) {
            events.extend(adoption(
                proposal,
                s.conclusions[open.conclusion].id.clone(),
                open.orientation.map(|o| s.orientations[o].id.clone()),
                state.table_clock(case),
            ));
        }
        Ok(events)
    }

    pub(super) fn reject(
        &self,
        r: usize,
        proposal: u32,
        reason: String,
        lacking: Option<Lacking>,
    ) -> Result<Vec<Event>, Refusal> {
        let state = &self.state;
        let open = open_proposal(state, proposal)?;
        if open.by == r {
            return Err(Refusal::OwnProposal);
        }
        let reason = checked_text(reason)?;
        Ok(vec![Event {
            at: state.table_clock(&self.case),
            kind: EventKind::Rejected {
                role: self.role_id(r),
                proposal,
                reason,
                lacking: lacking.filter(|l| self.case.category(l.category.as_str()).is_some()),
            },
        }])
    }
}
