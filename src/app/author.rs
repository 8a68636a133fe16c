//! The author preview's live figures: while the preview is open, the case
//! as opened and each later save of it (or of its rulebook) is checked and
//! simulated off the window's thread ([`crate::map::live::study`]); the
//! result lands beside the previous one for the "map and figures" tab.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use bevy::prelude::*;

use super::Screen;
use super::reload::CaseFile;
use crate::map::live::{Figures, Study, study};
use crate::ui::author::AuthorState;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Live>().add_systems(
        Update,
        study_saves
            .after(super::reload::apply_edits)
            .run_if(in_state(Screen::Preview)),
    );
}

/// What the author preview reads besides its table: the figures, the
/// file studied, and the library its "change case" button opens.
#[derive(bevy::ecs::system::SystemParam)]
pub struct Authoring<'w> {
    pub live: ResMut<'w, Live>,
    pub file: Res<'w, CaseFile>,
    pub library: ResMut<'w, super::screens::Library>,
}

/// Which part of the author preview is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PreviewTab {
    /// The desk as any role, or the trainer's console.
    #[default]
    Play,
    /// The case's map and the figures of each save.
    Map,
}

/// The figures of the case file open in the preview, and the tab's state.
#[derive(Resource, Default)]
pub struct Live {
    pub figures: Figures,
    pub tab: PreviewTab,
    pub state: AuthorState,
    /// The file studied, and the opening and save last asked for.
    asked: Option<(PathBuf, u32, u32)>,
    /// The study under way, left by its thread.
    done: Arc<Mutex<Option<Study>>>,
}

impl Live {
    /// Whether the version on disk has been studied (for a screenshot).
    pub fn settled(&self) -> bool {
        self.figures.studying.is_none()
            && (self.figures.now.is_some() || self.figures.broken.is_some())
    }
}

/// Takes in a finished study, then starts one for a save not yet studied.
/// One study at a time: saves made while one runs are studied together
/// when it ends (the file as it is then).
fn study_saves(
    file: Res<CaseFile>,
    mut live: ResMut<Live>,
    proxy: Option<Res<bevy::winit::EventLoopProxyWrapper>>,
) {
    let finished = live.done.lock().unwrap_or_else(|e| e.into_inner()).take();
    if let Some(study) = finished {
        live.figures.take(study);
    }
    let Some(path) = file.full.clone() else {
        return;
    };
    let asked = (path.clone(), file.opened, file.saves);
    if live
        .asked
        .as_ref()
        .is_some_and(|(p, opened, _)| *p != path || *opened != file.opened)
    {
        // Another case, or the same one opened again: start afresh.
        let tab = live.tab;
        *live = Live {
            tab,
            ..Live::default()
        };
    }
    if live.figures.studying.is_some() || live.asked.as_ref() == Some(&asked) {
        return;
    }
    let number = file.saves;
    live.asked = Some(asked);
    live.figures.studying = Some(number);
    let done = Arc::clone(&live.done);
    let proxy = proxy.map(|proxy| (**proxy).clone());
    std::thread::spawn(move || {
        let outcome = study(&path, number);
        *done.lock().unwrap_or_else(|e| e.into_inner()) = Some(outcome);
        if let Some(proxy) = proxy {
            let _ = proxy.send_event(bevy::winit::WinitUserEvent::WakeUp);
        }
    });
}
