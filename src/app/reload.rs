//! Scenarios as Bevy assets: loaded and validated by an `AssetLoader`, and
//! swapped into the running table when the author saves the file.

use std::path::PathBuf;
use std::sync::Arc;

use bevy::asset::io::Reader;
use bevy::asset::{AssetLoader, LoadContext};
use bevy::prelude::*;
use faisceau_engine::{Case, Diagnostic, load_bytes};

use super::{Settings, Table};

pub(super) fn plugin(app: &mut App) {
    app.init_asset::<ScenarioAsset>()
        .register_asset_loader(ScenarioLoader)
        .init_resource::<CaseFile>()
        .add_systems(Update, (watch_case_file, wake_on_save, apply_edits).chain());
}

/// A scenario file: the case, or the located diagnostics that stop it loading.
#[derive(Asset, TypePath)]
pub struct ScenarioAsset {
    /// What the file gave.
    pub outcome: Result<Arc<Case>, Vec<Diagnostic>>,
}

/// Loads and validates `.ron` scenarios; a broken file still loads, as its diagnostics.
#[derive(Default, TypePath)]
pub struct ScenarioLoader;

impl AssetLoader for ScenarioLoader {
    type Asset = ScenarioAsset;
    type Settings = ();
    type Error = std::io::Error;

    async fn load(
        &self,
        reader: &mut dyn Reader,
        _settings: &(),
        context: &mut LoadContext<'_>,
    ) -> Result<ScenarioAsset, Self::Error> {
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).await?;
        let name = context.path().to_string();
        let shelf = crate::rulebooks::shelf_for(context.path().path());
        let outcome = load_bytes(&bytes, &name, &shelf)
            .map(|loaded| Arc::new(loaded.case))
            .map_err(|err| err.diagnostics);
        Ok(ScenarioAsset { outcome })
    }

    fn extensions(&self) -> &[&str] {
        &["ron"]
    }
}

/// The case file in play, watched for edits.
#[derive(Resource, Default)]
pub struct CaseFile {
    /// The file, relative to the asset root.
    pub path: Option<PathBuf>,
    /// The asset handle that keeps it watched.
    pub handle: Option<Handle<ScenarioAsset>>,
    /// Diagnostics of the last edit that did not load.
    pub diagnostics: Vec<Diagnostic>,
    /// The file on disk, watched by a thread that wakes the window on a save.
    pub full: Option<PathBuf>,
}

/// How often the waker looks at the file's modification time.
const SAVE_POLL: std::time::Duration = std::time::Duration::from_millis(100);
/// How long the window is kept awake after a save: the asset watcher's
/// debounce, then the load, then the frame.
const AWAKE_AFTER_SAVE: std::time::Duration = std::time::Duration::from_millis(1500);

/// A sleeping window would see a save only at its next timed wake-up, then
/// load it at the one after: about three seconds. A thread watches the
/// file's modification time and keeps the window awake while the edit
/// goes through, so that it shows within a second.
fn wake_on_save(
    file: Res<CaseFile>,
    proxy: Option<Res<bevy::winit::EventLoopProxyWrapper>>,
    mut watching: Local<Option<PathBuf>>,
) {
    use std::sync::atomic::{AtomicU64, Ordering};
    static WATCHER: AtomicU64 = AtomicU64::new(0);
    if *watching == file.full {
        return;
    }
    watching.clone_from(&file.full);
    let mine = WATCHER.fetch_add(1, Ordering::SeqCst) + 1;
    let (Some(path), Some(proxy)) = (file.full.clone(), proxy) else {
        return;
    };
    let proxy = (**proxy).clone();
    std::thread::spawn(move || {
        let modified = |p: &PathBuf| std::fs::metadata(p).and_then(|m| m.modified()).ok();
        let mut seen = modified(&path);
        while WATCHER.load(Ordering::SeqCst) == mine {
            std::thread::sleep(SAVE_POLL);
            let now = modified(&path);
            if now == seen {
                continue;
            }
            seen = now;
            let saved = std::time::Instant::now();
            while saved.elapsed() < AWAKE_AFTER_SAVE {
                if proxy
                    .send_event(bevy::winit::WinitUserEvent::WakeUp)
                    .is_err()
                {
                    return;
                }
                std::thread::sleep(SAVE_POLL);
            }
        }
    });
}

fn watch_case_file(mut file: ResMut<CaseFile>, assets: Res<AssetServer>) {
    if file.handle.is_none()
        && let Some(path) = file.path.clone()
    {
        file.handle = Some(assets.load(path));
    }
}

fn apply_edits(
    mut events: MessageReader<AssetEvent<ScenarioAsset>>,
    scenarios: Res<Assets<ScenarioAsset>>,
    mut file: ResMut<CaseFile>,
    table: Option<ResMut<Table>>,
    settings: Res<Settings>,
) {
    let Some(mut table) = table else {
        events.clear();
        return;
    };
    for event in events.read() {
        let AssetEvent::Modified { id } = event else {
            continue;
        };
        if file.handle.as_ref().map(|h| h.id()) != Some(*id) {
            continue;
        }
        let Some(asset) = scenarios.get(*id) else {
            continue;
        };
        match &asset.outcome {
            Ok(case) => {
                file.diagnostics.clear();
                table.reload(Arc::clone(case), &settings.tr);
            }
            Err(diagnostics) => {
                file.diagnostics = diagnostics.clone();
                table.notice = Some(settings.tr.t("reload-error"));
            }
        }
    }
}
