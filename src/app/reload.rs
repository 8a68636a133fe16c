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
        .add_systems(Update, (watch_case_file, apply_edits).chain());
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
