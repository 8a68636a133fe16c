//! The checks of a rulebook and of its verdict suite.

use super::checker::*;
use super::finding::*;
use crate::say;

impl<'a> Checker<'a> {
    pub(super) fn run_suite(&mut self, suite: &crate::verdicts::Suite) {
        let book = self.rulebook;
        if suite.rulebook != book.id {
            self.push(Finding::error(
                "rulebook",
                {
                    let (named, id) = (&suite.rulebook, &book.id);
                    say!(
                        "this suite is for the rulebook `{named}`, not `{id}`",
                        "cette suite est celle du référentiel `{named}`, pas de `{id}`"
                    )
                },
                Some(say!(
                    "name the rulebook the suite sits beside",
                    "nommez le référentiel à côté duquel la suite est rangée"
                )),
            ));
        }
        let RulebookIds {
            classes,
            professions,
            frames,
            acts,
            situations,
        } = RulebookIds::of(book);
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

    pub(super) fn run_rulebook(&mut self) {
        let book = self.rulebook;
        self.id_and_languages(&book.id, "`france`", true);
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
            let date = &book.law_as_of;
            self.push(Finding::error(
                "law_as_of",
                say!("`{date}` is not a date", "`{date}` n'est pas une date"),
                Some(say!(
                    "write the date of the state of the law as \"YYYY-MM-DD\", such as \"2026-11-30\"",
                    "écrivez la date de l'état du droit sous la forme \"AAAA-MM-JJ\", comme \"2026-11-30\""
                )),
            ));
        }
        self.text(&book.name, "name".into());
        for (i, point) in book.to_confirm.iter().enumerate() {
            self.text(point, format!("to_confirm[{i}]"));
        }
        let families = self.declare(FAMILY, "families", &book.families, |f| &f.id);
        for (i, f) in book.families.iter().enumerate() {
            self.text(&f.name, format!("families[{i}].name"));
        }
        let professions = self.declare(PROFESSION, "professions", &book.professions, |p| &p.id);
        for (i, p) in book.professions.iter().enumerate() {
            if let Some(family) = &p.family {
                self.reference(&families, family, format!("professions[{i}].family"));
            }
        }
        let classes = self.declare(CLASS, "classes", &book.classes, |c| &c.id);
        let acts = self.declare(ACT, "acts", &book.acts, |a| &a.id);
        let situations = self.declare(SITUATION, "situations", &book.situations, |s| &s.id);
        for (i, situation) in book.situations.iter().enumerate() {
            self.text(&situation.name, format!("situations[{i}].name"));
            self.text(&situation.absent, format!("situations[{i}].absent"));
        }
        self.declare(FRAME, "frames", &book.frames, |f| &f.id);
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
                let id = &act.id;
                self.push(Finding::error(
                    format!("acts[{i}].by"),
                    say!(
                        "no profession may issue the act `{id}`",
                        "aucune profession ne peut prendre l'acte `{id}`"
                    ),
                    Some(say!(
                        "list the professions that hold this power, such as `by: [\"police\"]`",
                        "listez les professions qui ont ce pouvoir, comme `by: [\"police\"]`"
                    )),
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
                let id = &act.id;
                self.push(Finding::warning(
                    format!("acts[{i}]"),
                    say!(
                        "no frame is opened by the act `{id}`",
                        "aucun cadre n'est ouvert par l'acte `{id}`"
                    ),
                    Some(say!(
                        "add `opened_by: \"{id}\"` to the frame it opens",
                        "ajoutez `opened_by: \"{id}\"` au cadre qu'il ouvre"
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
}
