//! The checks of a case, part by part: its use of the rulebook, its
//! situations and share traps, metadata, taxonomy, roles and people, clues,
//! actions, decisions, solution, injects, phases and teaching points.

use super::checker::*;
use super::finding::*;
use crate::id::Id;
use crate::model::{Deadline, Holds, Scenario, ShareBinding, Trigger, When};
use crate::say;

impl<'a> Checker<'a> {
    /// Checks rulebook, overrides and act conditions.
    pub(super) fn check_rulebook_use(&mut self, s: &'a Scenario, ids: &Refs<'_, 'a>) {
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
                {
                    let (named, id) = (&s.rulebook, &book.id);
                    say!(
                        "the rulebook found for `{named}` has the id `{id}`",
                        "le référentiel trouvé pour `{named}` a l'identifiant `{id}`"
                    )
                },
                Some(say!(
                    "the file's `id` must be the name the case gives",
                    "l'`id` du fichier doit être le nom que donne le cas"
                )),
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
            if let Some(frame) = book.frames.iter().find(|f| f.id == o.frame)
                && !override_can_apply(s, book, frame, o)
            {
                self.push(Finding::warning(
                    at,
                    {
                        let frame = &frame.id;
                        say!(
                            "this override can never apply: no two roles of the case are a sender and a recipient it covers on the frame `{frame}`",
                            "cette dérogation ne peut jamais s'appliquer : aucun couple de rôles du cas n'est un expéditeur et un destinataire qu'elle couvre sur le cadre `{frame}`"
                        )
                    },
                    {
                        let (frame_id, from, to) = (
                            &frame.id,
                            professions_or_any(&frame.from),
                            professions_or_any(&frame.to),
                        );
                        let (from_fr, to_fr) = (from.get("fr"), to.get("fr"));
                        let (from_en, to_en) = (from.get("en"), to.get("en"));
                        Some(say!(
                            "`{frame_id}` runs from {from_en} to {to_en}: the override's `from`, `to` and `secrecy` must fit the professions of two of the case's roles that the frame itself allows (`faisceau rulebook` lists every frame)",
                            "`{frame_id}` va de {from_fr} à {to_fr} : les `from`, `to` et `secrecy` de la dérogation doivent convenir aux professions de deux rôles du cas que le cadre lui-même permet (`faisceau rulebook` liste chaque cadre)"
                        ))
                    },
                ));
            }
        }
        // A profession no frame names can share only through the frames
        // open to every profession (the informal one, in the French
        // rulebook): a local rulebook copy that adds a profession must also
        // say which frames it may use.
        for (i, role) in s.roles.iter().enumerate() {
            let p = &role.profession;
            let named = book.frames.iter().any(|f| {
                f.from.contains(p)
                    || f.to.contains(p)
                    || f.copy_to.contains(p)
                    || f.exceptions
                        .iter()
                        .any(|e| e.from.contains(p) || e.to.contains(p))
            });
            let open_frames: Vec<&crate::rulebook::Frame> =
                book.frames.iter().filter(|f| f.to.is_empty()).collect();
            // A rulebook may mean a profession to rely on its open frames (a
            // testimony anyone may receive): the role is left out only when
            // none of them reaches it lawfully as a rule. Frames opened by an
            // act run to the act's issuer, and are left aside.
            let receives = open_frames.iter().any(|f| {
                f.verdict != crate::rulebook::Verdict::Breach
                    && f.opened_by.is_none()
                    && s.roles
                        .iter()
                        .any(|from| from.id != role.id && f.between(&from.profession, p).is_ok())
            });
            let secrecy = book
                .professions
                .iter()
                .find(|q| q.id == *p)
                .map(|q| q.secrecy);
            let sends = book.frames.iter().any(|f| {
                let lawful = f.verdict != crate::rulebook::Verdict::Breach
                    || f.exceptions.iter().any(|e| {
                        e.verdict != crate::rulebook::Verdict::Breach
                            && (e.from.is_empty() || e.from.contains(p))
                            && (e.secrecy.is_empty()
                                || secrecy.is_some_and(|x| e.secrecy.contains(&x)))
                    });
                f.from.is_empty()
                    && f.opened_by.is_none()
                    && lawful
                    && s.roles
                        .iter()
                        .any(|to| to.id != role.id && f.between(p, &to.profession).is_ok())
            });
            if named || receives || sends || secrecy.is_none() {
                continue;
            }
            let open: Vec<String> = open_frames.iter().map(|f| format!("`{}`", f.id)).collect();
            let open = if open.is_empty() {
                "-".to_owned()
            } else {
                open.join(", ")
            };
            self.push(Finding::warning(
                format!("roles[{i}].profession"),
                say!(
                    "no frame of the rulebook names the profession `{p}`: this role can neither send nor receive anything at this table without a breach (only the frames open to every profession reach it: {open})",
                    "aucun cadre du référentiel ne nomme la profession `{p}` : ce rôle ne peut rien envoyer ni recevoir à cette table sans faute (seuls les cadres ouverts à toute profession l'atteignent : {open})"
                ),
                Some(say!(
                    "give the role the nearest profession the rulebook has, or add `{p}` to the `from` and `to` of the frames it may use in your copy of the rulebook (docs/authoring.md, \"A profession the rulebook lacks\")",
                    "donnez au rôle la profession la plus proche que le référentiel connaît, ou ajoutez `{p}` aux `from` et `to` des cadres qu'elle peut employer dans votre copie du référentiel (docs/authoring.md, « Une profession que le référentiel n'a pas »)"
                )),
            ));
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
    pub(super) fn check_situations(&mut self, s: &'a Scenario, ids: &Refs<'_, 'a>) {
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
                    {
                        let id = &usage.situation;
                        say!(
                            "the situation `{id}` is defined twice",
                            "la situation `{id}` est définie deux fois"
                        )
                    },
                    Some(say!(
                        "say once when it holds; combine conditions with `Any([…])`",
                        "dites une seule fois quand elle tient ; combinez les conditions avec `Any([…])`"
                    )),
                ));
            }
            if let Some(note) = &usage.note {
                self.text(note, format!("{at}.note"));
            }
            if let Holds::When(condition) = &usage.holds {
                if mentions_situation(condition) {
                    self.push(Finding::error(
                        format!("{at}.holds"),
                        say!(
                            "a situation cannot depend on a situation",
                            "une situation ne peut pas dépendre d'une situation"
                        ),
                        Some(say!(
                            "say when it holds with clues, decisions, phases, injects or acts",
                            "dites quand elle tient avec des indices, décisions, phases, événements ou actes"
                        )),
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
                        {
                            let id = &frame.id;
                            say!(
                                "the frame `{id}` of the rulebook needs the situation `{situation}`, which this case never defines: the frame stays closed",
                                "le cadre `{id}` du référentiel exige la situation `{situation}`, que ce cas ne définit jamais : le cadre reste fermé"
                            )
                        },
                        Some(say!(
                            "add to `situations:` `(situation: \"{situation}\", holds: When(…))` saying when it holds in the story, or `holds: Never`",
                            "ajoutez à `situations:` `(situation: \"{situation}\", holds: When(…))` qui dit quand elle tient dans l'histoire, ou `holds: Never`"
                        )),
                    ));
                }
            }
        }
    }

    /// Checks the shares that the case marks as traps.
    pub(super) fn check_share_traps(&mut self, s: &'a Scenario, ids: &Refs<'_, 'a>) {
        for (i, trap) in s.share_traps.iter().enumerate() {
            let at = format!("share_traps[{i}]");
            if ids.clues.contains(trap.id.as_str()) {
                self.push(Finding::error(
                    format!("{at}.id"),
                    {
                        let id = &trap.id;
                        say!(
                            "`{id}` is already the id of a clue",
                            "`{id}` est déjà l'identifiant d'un indice"
                        )
                    },
                    Some(say!(
                        "give the share trap an id of its own, such as `partage_police`",
                        "donnez au piège de partage son propre identifiant, comme `partage_police`"
                    )),
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
                    {
                        let id = &trap.id;
                        say!("the share trap `{id}` has no teaching point", "le piège de partage `{id}` n'a pas de point pédagogique")
                    },
                    {
                        let id = &trap.id;
                        Some(say!(
                            "add a teaching point with `when: TrapFallen(\"{id}\")` that says why the share is wrong",
                            "ajoutez un point pédagogique avec `when: TrapFallen(\"{id}\")` qui dit pourquoi ce partage est une faute"
                        ))
                    },
                ));
            }
        }
    }

    pub(super) fn binding(&mut self, ids: &Refs<'_, 'a>, binding: &ShareBinding, at: &str) {
        match (&binding.clue, &binding.class) {
            (Some(clue), None) => self.reference(ids.clues, clue, format!("{at}.clue")),
            (None, Some(class)) => self.reference(ids.classes, class, format!("{at}.class")),
            _ => self.push(Finding::error(
                at.to_owned(),
                say!(
                    "name either a `clue` or a `class` of information",
                    "nommez soit un indice (`clue`), soit une catégorie d'information (`class`)"
                ),
                Some(say!(
                    "such as `clue: \"confidence_dette\"` or `class: \"confidences\"`",
                    "comme `clue: \"confidence_dette\"` ou `class: \"confidences\"`"
                )),
            )),
        }
        match (&binding.to, &binding.profession) {
            (Some(role), None) => self.reference(ids.roles, role, format!("{at}.to")),
            (None, Some(p)) => self.reference(ids.professions, p, format!("{at}.profession")),
            (None, None) => {}
            _ => self.push(Finding::error(
                at.to_owned(),
                say!(
                    "name either a recipient role `to` or a `profession`, not both",
                    "nommez soit un rôle destinataire (`to`), soit une `profession`, pas les deux"
                ),
                None,
            )),
        }
        if let Some(frame) = &binding.frame {
            self.reference(ids.frames, frame, format!("{at}.frame"));
        }
    }

    /// Checks title, texts, sources and the lists a case needs.
    pub(super) fn check_meta(&mut self, s: &'a Scenario, ids: &Refs<'_, 'a>) {
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
                say!("the case cites no source", "le cas ne cite aucune source"),
                Some(say!(
                    "cite the indicator lists and legal articles the case relies on",
                    "citez les listes d'indicateurs et les articles de loi sur lesquels le cas s'appuie"
                )),
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
                    say!("`{list}` is empty", "`{list}` est vide"),
                    Some(say!(
                        "a case needs at least one; docs/authoring.md shows an example",
                        "un cas en demande au moins un ; docs/authoring.md montre un exemple"
                    )),
                ));
            }
        }
        if s.conclusions.len() < 2 {
            self.push(Finding::error(
                "conclusions",
                say!(
                    "a case needs at least two conclusions to choose from",
                    "un cas demande au moins deux conclusions entre lesquelles choisir"
                ),
                Some(say!(
                    "add the plausible wrong answers too, such as \"minor at risk\" or \"no exploitation found\"",
                    "ajoutez aussi les mauvaises réponses plausibles, comme « mineur en danger » ou « pas d'exploitation constatée »"
                )),
            ));
        }
    }

    /// Checks categories and indicators.
    pub(super) fn check_taxonomy(&mut self, s: &'a Scenario, ids: &Refs<'_, 'a>) {
        let Refs { categories, .. } = *ids;
        for (i, category) in s.categories.iter().enumerate() {
            self.text(&category.name, format!("categories[{i}].name"));
            if !s.indicators.iter().any(|ind| ind.category == category.id) {
                self.push(Finding::warning(
                    format!("categories[{i}]"),
                    {
                        let id = &category.id;
                        say!(
                            "no indicator belongs to the category `{id}`",
                            "aucun indicateur n'appartient à la catégorie `{id}`"
                        )
                    },
                    Some(say!(
                        "add indicators to it, or remove it",
                        "ajoutez-lui des indicateurs, ou retirez-la"
                    )),
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
                    {
                        let id = &indicator.id;
                        say!(
                            "no clue supports the indicator `{id}`",
                            "aucun indice n'étaye l'indicateur `{id}`"
                        )
                    },
                    Some(say!(
                        "link it from a clue's `indicators`, or remove it",
                        "reliez-le depuis les `indicators` d'un indice, ou retirez-le"
                    )),
                ));
            }
        }
    }

    /// Checks roles, their professions and budgets, and people.
    pub(super) fn check_roles_and_people(&mut self, s: &'a Scenario, ids: &Refs<'_, 'a>) {
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
                        say!(
                            "a budget goes from 0 (off duty) to the length of the phase",
                            "un budget va de 0 (hors service) à la durée de la phase"
                        ),
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
                    say!(
                        "a role's budget must be more than 0 and at most 24 hours per phase",
                        "le budget d'un rôle doit être de plus de 0 et d'au plus 24 heures par phase"
                    ),
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
                    say!("trust goes from 0 to 5", "la confiance va de 0 à 5"),
                    None,
                ));
            }
        }
    }

    /// Checks clues, their supports and traps.
    pub(super) fn check_clues(&mut self, s: &'a Scenario, ids: &Refs<'_, 'a>) {
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
            let public = [indicators, actions, decisions, roles, people, categories];
            if let Some(other) = public.iter().find(|ids| ids.contains(clue.id.as_str())) {
                let (id, en, fr) = (&clue.id, other.kind.en, other.kind.fr);
                self.push(Finding::warning(
                    format!("clues[{i}].id"),
                    say!(
                        "the clue id `{id}` is also the id of a {en}",
                        "l'identifiant d'indice `{id}` est aussi celui d'un·e {fr}"
                    ),
                    Some(say!(
                        "give clues ids of their own: every trainee sees the other ids, and must not see a clue's before finding it",
                        "donnez aux indices leurs propres identifiants : chaque stagiaire voit les autres identifiants, et ne doit pas voir celui d'un indice avant de le trouver"
                    )),
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
                        say!("a weight goes from 1 to 5", "un poids va de 1 à 5"),
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
                        {
                            let id = &clue.id;
                            say!(
                                "the trap `{id}` leads to the correct conclusion",
                                "le piège `{id}` mène à la bonne conclusion"
                            )
                        },
                        Some(say!(
                            "a trap invites a wrong reading: point `leads_to` at the conclusion it tempts toward, such as the one the prejudice suggests",
                            "un piège invite à une mauvaise lecture : faites pointer `leads_to` vers la conclusion où il entraîne, comme celle que suggère le préjugé"
                        )),
                    ));
                }
                if trap.leads_to.is_none() {
                    let id = &clue.id;
                    self.push(Finding::warning(
                        format!("clues[{i}].trap"),
                        say!(
                            "the trap `{id}` leads nowhere: with no `leads_to`, no role can ever fall into it",
                            "le piège `{id}` ne mène nulle part : sans `leads_to`, aucun rôle ne peut jamais y tomber"
                        ),
                        Some(say!(
                            "add `leads_to` with the wrong conclusion it tempts toward (one of `conclusions`)",
                            "ajoutez `leads_to` avec la mauvaise conclusion vers laquelle il entraîne (l'une des `conclusions`)"
                        )),
                    ));
                }
                // A faint support (weight 1) can be calibrated with
                // `simulate`; a strong one is what tables build their bundle
                // on, and shares the trap with everyone.
                let support: u32 = clue.indicators.iter().map(|s| s.weight).sum();
                if trap.leads_to.is_some() && support >= 2 {
                    let id = &clue.id;
                    self.push(Finding::warning(
                        format!("clues[{i}].indicators"),
                        say!(
                            "the trap clue `{id}` also supports indicators (weight {support}): tables share it to build their bundle, which spreads the trap to every role (in one measured case it took the trap from 40% to 80% of runs)",
                            "l'indice piège `{id}` étaye aussi des indicateurs (poids {support}) : les tables le partagent pour bâtir leur faisceau, ce qui répand le piège à tous les rôles (dans un cas mesuré, le piège est passé de 40 % à 80 % des parties)"
                        ),
                        Some(say!(
                            "keep the supporting fact in a clue of its own and leave the trap clue with `indicators: []`; `faisceau simulate` shows how often the trap catches",
                            "placez le fait qui étaye dans un indice à part et laissez l'indice piège avec `indicators: []` ; `faisceau simulate` montre combien de fois le piège prend"
                        )),
                    ));
                }
                let taught = s
                    .teaching_points
                    .iter()
                    .any(|t| matches!(&t.when, When::TrapFallen(c) if *c == clue.id));
                if !taught {
                    let id = &clue.id;
                    self.push(Finding::warning(
                        format!("clues[{i}].trap"),
                        say!(
                            "the trap `{id}` has no teaching point",
                            "le piège `{id}` n'a pas de point pédagogique"
                        ),
                        Some(say!(
                            "add a teaching point with `when: TrapFallen(\"{id}\")` that says why it misleads",
                            "ajoutez un point pédagogique avec `when: TrapFallen(\"{id}\")` qui dit pourquoi il trompe"
                        )),
                    ));
                }
            }
        }
    }

    /// Checks actions and their outcomes.
    pub(super) fn check_actions(&mut self, s: &'a Scenario, ids: &Refs<'_, 'a>) {
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
                    {
                        let id = &action.id;
                        say!(
                            "no role can take the action `{id}`",
                            "aucun rôle ne peut mener l'action `{id}`"
                        )
                    },
                    Some(say!(
                        "list the roles that may take it, such as `by: [\"educatrice\"]`",
                        "listez les rôles qui peuvent la mener, comme `by: [\"educatrice\"]`"
                    )),
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
                    say!(
                        "this action changes trust but names no person",
                        "cette action change la confiance mais ne nomme aucune personne"
                    ),
                    Some(say!("add `person: \"…\"`", "ajoutez `person: \"…\"`")),
                ));
            }
            if !(action.cost_hours >= 0.0 && action.cost_hours <= 24.0) {
                self.push(Finding::error(
                    format!("actions[{i}].cost_hours"),
                    say!(
                        "a cost goes from 0 to 24 hours",
                        "un coût va de 0 à 24 heures"
                    ),
                    None,
                ));
            }
            if action.repeatable && action.cost_hours <= 0.0 {
                self.push(Finding::error(
                    format!("actions[{i}].cost_hours"),
                    say!(
                        "a repeatable action must cost some time",
                        "une action répétable doit coûter du temps"
                    ),
                    Some(say!(
                        "give it a `cost_hours` above 0, or make it not `repeatable`",
                        "donnez-lui un `cost_hours` au-dessus de 0, ou retirez `repeatable`"
                    )),
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
                        say!(
                            "an outcome's weight must be at least 1",
                            "le poids d'une issue doit être d'au moins 1"
                        ),
                        Some(say!(
                            "remove the outcome rather than give it no chance",
                            "retirez l'issue plutôt que de ne lui laisser aucune chance"
                        )),
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
                    {
                        let id = &action.id;
                        say!(
                            "the action `{id}` reveals nothing and changes nothing",
                            "l'action `{id}` ne révèle rien et ne change rien"
                        )
                    },
                    Some(say!(
                        "add `reveals`, `outcomes` or `trust`",
                        "ajoutez `reveals`, `outcomes` ou `trust`"
                    )),
                ));
            }
        }
    }

    /// Checks decisions, conclusions and orientations.
    pub(super) fn check_decisions(&mut self, s: &'a Scenario, ids: &Refs<'_, 'a>) {
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
                    say!(
                        "a cost goes from 0 to 24 hours",
                        "un coût va de 0 à 24 heures"
                    ),
                    None,
                ));
            }
            if !s.roles.iter().any(|r| r.powers.contains(&decision.id)) {
                self.push(Finding::warning(
                    format!("decisions[{i}]"),
                    {
                        let id = &decision.id;
                        say!(
                            "no role has the power to take `{id}`",
                            "aucun rôle n'a le pouvoir de prendre `{id}`"
                        )
                    },
                    {
                        let id = &decision.id;
                        Some(say!(
                            "add \"{id}\" to some role's `powers`",
                            "ajoutez \"{id}\" aux `powers` d'un rôle"
                        ))
                    },
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
    pub(super) fn check_solution(&mut self, s: &'a Scenario, ids: &Refs<'_, 'a>) {
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
                        say!(
                            "a deadline must be more than 0 hours",
                            "une échéance doit être de plus de 0 heure"
                        ),
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
    pub(super) fn check_injects(&mut self, s: &'a Scenario, ids: &Refs<'_, 'a>) {
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
                    {
                        let id = &inject.id;
                        say!(
                            "the inject `{id}` waits for the end of the last phase: it would fire as the session ends, when nobody can react",
                            "l'événement `{id}` attend la fin de la dernière phase : il arriverait à la fin de la séance, quand personne ne peut plus réagir"
                        )
                    },
                    Some(say!(
                        "name an earlier phase in `by`, so that the table lives with the consequence of its inaction",
                        "nommez une phase antérieure dans `by`, pour que la table vive la conséquence de son inaction"
                    )),
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
    pub(super) fn check_phases_and_points(&mut self, s: &'a Scenario, ids: &Refs<'_, 'a>) {
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
                    say!(
                        "a phase lasts more than 0 hours and at most 60 days",
                        "une phase dure plus de 0 heure et au plus 60 jours"
                    ),
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
                            say!(
                                "the clue `{clue}` is not a trap",
                                "l'indice `{clue}` n'est pas un piège"
                            ),
                            Some(say!(
                                "add a `trap` to the clue, or use another `when`",
                                "ajoutez un `trap` à l'indice, ou choisissez un autre `when`"
                            )),
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
                            say!(
                                "`{to}` knows the clue `{clue}` from the start: this point can never be raised",
                                "`{to}` connaît l'indice `{clue}` dès le début : ce point ne peut jamais être soulevé"
                            ),
                            Some(say!(
                                "name the role that must be told, or remove it from the clue's `known_to`",
                                "nommez le rôle qui doit être informé, ou retirez-le des `known_to` de l'indice"
                            )),
                        ));
                    }
                }
            }
        }
    }
}

/// Whether a case's override of `frame` covers some sender and recipient
/// among the case's roles that the frame itself runs between.
fn override_can_apply(
    s: &Scenario,
    book: &crate::rulebook::Rulebook,
    frame: &crate::rulebook::Frame,
    o: &crate::rulebook::Override,
) -> bool {
    let covers = |list: &[Id], id: &Id| list.is_empty() || list.contains(id);
    let secrecy_of = |p: &Id| {
        book.professions
            .iter()
            .find(|q| q.id == *p)
            .map(|q| q.secrecy)
    };
    s.roles.iter().any(|from| {
        s.roles.iter().any(|to| {
            from.id != to.id
                && frame.between(&from.profession, &to.profession).is_ok()
                && covers(&o.from, &from.profession)
                && covers(&o.to, &to.profession)
                && (o.secrecy.is_empty()
                    || secrecy_of(&from.profession).is_some_and(|x| o.secrecy.contains(&x)))
        })
    })
}

/// A frame's list of professions in words: "`a`, `b`", or "any profession".
fn professions_or_any(list: &[Id]) -> crate::text::Text {
    if list.is_empty() {
        say!("any profession", "toute profession")
    } else {
        let names = list
            .iter()
            .map(|p| format!("`{p}`"))
            .collect::<Vec<_>>()
            .join(", ");
        say!("{names}", "{names}")
    }
}
