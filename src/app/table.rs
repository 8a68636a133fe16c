//! The table being played on this machine: the session, the bots that fill
//! the other seats at a human pace, and what the person composes.

use std::sync::Arc;
use std::time::Duration;

use bevy::prelude::*;
use faisceau_engine::bot::{Crew, Temperament};
use faisceau_engine::{Case, Debrief, Id, Session};

use super::Screen;
use crate::ui::UiAction;
use crate::ui::desk::DeskState;
use crate::ui::trainer::ConsoleState;

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(BotPace(Timer::new(
        Duration::from_millis(2500),
        TimerMode::Repeating,
    )))
    .add_systems(
        Update,
        bots_play.run_if(in_state(Screen::Desk).and_then(resource_exists::<Table>)),
    );
}

/// How often a bot acts, so that its shares and decisions arrive as a colleague's would.
#[derive(Resource)]
struct BotPace(Timer);

/// One table: a session of one case.
#[derive(Resource)]
pub struct Table {
    /// The case in play.
    pub case: Arc<Case>,
    /// The session.
    pub session: Session,
    /// The role the person plays; none in the author preview.
    pub role: Option<Id>,
    /// Bots for the other roles.
    pub bots: Crew,
    /// What the person composes on the desk.
    pub desk: DeskState,
    /// What the trainer composes on the console.
    pub console: ConsoleState,
    /// The role shown in the author preview.
    pub preview_role: usize,
    /// A notice about the case file (hot reload), shown over the screen.
    pub notice: Option<String>,
    /// A newer version of the case that breaks this session; the person may restart with it.
    pub pending: Option<Arc<Case>>,
}

impl Table {
    /// A new session of `case`; bots take every role but `role`.
    pub fn new(case: Arc<Case>, role: Option<Id>, seed: u64) -> Table {
        let person = role.as_ref().and_then(|r| case.role(r.as_str()));
        let bots = Crew::all_but(&case, person, seed);
        let desk = DeskState {
            solo: role.is_some(),
            ..DeskState::default()
        };
        Table {
            session: Session::new(Arc::clone(&case), seed),
            case,
            role,
            bots,
            desk,
            console: ConsoleState::default(),
            preview_role: 0,
            notice: None,
            pending: None,
        }
    }

    /// Applies what the person asked for; a refusal is kept for the desk to show.
    pub fn apply(&mut self, action: &UiAction) {
        let result = match action {
            UiAction::Role(command) => {
                let role = match &self.role {
                    Some(role) => role.clone(),
                    None => self.case.scenario().roles[self.preview_role].id.clone(),
                };
                self.session
                    .submit(role.as_str(), command.clone())
                    .map(|_| ())
            }
            UiAction::Trainer(command) => self.session.direct(command.clone()).map(|_| ()),
            _ => Ok(()),
        };
        if let Err(refusal) = result {
            self.desk.refusal = Some(refusal);
        }
    }

    /// One bot command, taking turns; false when no bot has anything to do.
    pub fn bot_step(&mut self) -> bool {
        for _ in 0..self.case.scenario().roles.len() {
            let Some((r, command)) = self.bots.turn(&self.session) else {
                return false;
            };
            let role = self.case.scenario().roles[r].id.clone();
            if self.session.submit(role.as_str(), command).is_ok() {
                return true;
            }
        }
        false
    }

    /// Lets bots play every role, the person's included, for some rounds:
    /// used to show a table in mid-play or at its debrief.
    pub fn warm_up(&mut self, phases: u32) {
        faisceau_engine::bot::play_on(&mut self.session, Some(phases), &Temperament::default());
    }

    /// The debrief, rebuilt from the events.
    pub fn debrief(&self) -> Option<Debrief> {
        Debrief::build(&self.case, self.session.events()).ok()
    }

    /// Swaps in a new version of the case if the session replays on it;
    /// otherwise keeps it aside and says why.
    pub fn reload(&mut self, case: Arc<Case>, tr: &crate::i18n::Tr) {
        match Session::replay(
            Arc::clone(&case),
            self.session.seed(),
            self.session.events().to_vec(),
        ) {
            Ok(session) => {
                let role = self.role.clone();
                let keep = std::mem::take(&mut self.desk);
                let mut table = Table::new(Arc::clone(&case), role, self.session.seed());
                table.session = session;
                table.desk = keep;
                table.console = std::mem::take(&mut self.console);
                table.preview_role = self
                    .preview_role
                    .min(case.scenario().roles.len().saturating_sub(1));
                table.notice = Some(tr.t("reload-applied"));
                *self = table;
            }
            Err(error) => {
                self.notice = Some(tr.t_args("reload-breaks", &[("reason", error.to_string())]));
                self.pending = Some(case);
            }
        }
    }
}

fn bots_play(
    time: Res<Time>,
    settings: Option<Res<super::Settings>>,
    mut pace: ResMut<BotPace>,
    mut table: ResMut<Table>,
) {
    if pace.0.tick(time.delta()).just_finished() {
        // The bots speak the person's language, the solo table's.
        if let Some(settings) = settings
            && table.bots.lang() != settings.tr.lang().code()
        {
            table.bots.speak(settings.tr.lang().code());
        }
        table.bot_step();
    }
}

#[cfg(test)]
mod tests {

    use bevy::state::app::StatesPlugin;
    use bevy::time::TimeUpdateStrategy;
    use faisceau_engine::load;
    use faisceau_engine::session::Status;

    use super::*;
    use faisceau_engine::TrainerCommand;

    fn app_with_table(role: &str) -> App {
        let case = Arc::new(
            load(
                include_str!("../../scenarios/foyer_fugues.ron"),
                "foyer_fugues.ron",
                &crate::rulebooks::shelf_for(std::path::Path::new("scenarios/foyer_fugues.ron")),
            )
            .unwrap()
            .case,
        );
        let mut app = App::new();
        app.add_plugins((MinimalPlugins, StatesPlugin))
            .insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
                700,
            )))
            .init_state::<Screen>()
            .add_plugins(plugin);
        let mut table = Table::new(case, Some(Id::new(role)), 3);
        table.apply(&UiAction::Trainer(TrainerCommand::Start));
        app.insert_resource(table);
        app.world_mut()
            .resource_mut::<NextState<Screen>>()
            .set(Screen::Desk);
        app
    }

    #[test]
    fn bots_play_at_a_human_pace_through_the_real_systems() {
        let mut app = app_with_table("juge_enfants");
        app.update();
        let start = app.world().resource::<Table>().session.events().len();
        for _ in 0..3 {
            app.update();
        }
        let after_two_seconds = app.world().resource::<Table>().session.events().len();
        assert!(
            after_two_seconds - start <= 3,
            "bots do not act all at once"
        );
        for _ in 0..400 {
            app.update();
        }
        let table = app.world().resource::<Table>();
        assert!(
            table.session.events().len() > after_two_seconds + 20,
            "bots kept playing"
        );
        let view = table.session.view("juge_enfants").unwrap();
        assert!(
            !view.decisions_taken.is_empty(),
            "the bots' decisions show up on the person's desk"
        );
    }

    #[test]
    fn a_whole_case_plays_to_its_debrief() {
        let mut app = app_with_table("policier");
        for _phase in 0..3 {
            for _ in 0..300 {
                app.update();
            }
            let mut table = app.world_mut().resource_mut::<Table>();
            if table.session.state().status == Status::Ended {
                break;
            }
            // The person moves the phase on, as the solo desk lets them.
            table.apply(&UiAction::Trainer(TrainerCommand::NextPhase));
        }
        let table = app.world().resource::<Table>();
        assert_eq!(table.session.state().status, Status::Ended);
        let debrief = table.debrief().expect("the debrief builds");
        assert_eq!(debrief.roles.len(), 6);
        assert!(
            debrief
                .roles
                .iter()
                .filter(|r| r.role.as_str() != "policier")
                .all(|r| !r.timeline.is_empty())
        );
    }
}

#[cfg(test)]
mod reload_tests {
    use faisceau_engine::load;

    use super::*;
    use crate::i18n::{Lang, Tr};
    use faisceau_engine::TrainerCommand;

    const CASE: &str = include_str!("../../scenarios/foyer_fugues.ron");

    fn case(text: &str) -> Arc<Case> {
        let shelf = crate::rulebooks::shelf_for(std::path::Path::new("scenarios/foyer_fugues.ron"));
        Arc::new(load(text, "foyer_fugues.ron", &shelf).unwrap().case)
    }

    #[test]
    fn an_edit_that_keeps_the_session_valid_is_swapped_in() {
        let tr = Tr::new(Lang::Fr);
        let mut table = Table::new(case(CASE), Some(Id::new("educatrice")), 1);
        table.apply(&UiAction::Trainer(TrainerCommand::Start));
        table.apply(&UiAction::Role(faisceau_engine::RoleCommand::TakeAction {
            action: "observer_retours".into(),
        }));
        let edited = CASE.replace(
            "fr: \"Les nuits de Maëlle\",",
            "fr: \"Les nuits de Maëlle (v2)\",",
        );
        table.reload(case(&edited), &tr);
        assert_eq!(
            table.case.scenario().title.get("fr"),
            "Les nuits de Maëlle (v2)"
        );
        assert!(table.pending.is_none());
        assert_eq!(
            table.notice.as_deref(),
            Some("Nouvelle version du cas chargée.")
        );
        let view = table.session.view("educatrice").unwrap();
        assert!(
            view.clues
                .iter()
                .any(|c| c.id.as_str() == "nouveaux_achats"),
            "the session kept its events"
        );
    }

    #[test]
    fn an_edit_that_breaks_the_session_says_so_and_offers_a_restart() {
        let tr = Tr::new(Lang::En);
        let mut table = Table::new(case(CASE), Some(Id::new("educatrice")), 1);
        table.apply(&UiAction::Trainer(TrainerCommand::Start));
        table.apply(&UiAction::Role(faisceau_engine::RoleCommand::TakeAction {
            action: "observer_retours".into(),
        }));
        // The action the table took no longer exists.
        let edited = CASE.replace("id: \"observer_retours\"", "id: \"observer_le_retour\"");
        table.reload(case(&edited), &tr);
        assert!(table.pending.is_some());
        assert!(
            table
                .notice
                .as_deref()
                .unwrap()
                .contains("observer_retours"),
            "{:?}",
            table.notice
        );
        assert_eq!(
            table.case.scenario().title.get("fr"),
            "Les nuits de Maëlle",
            "the running version stays"
        );
    }
}
