//! The run's file texts: the one way text of a file reaches any output, and the place that keeps
//! a file's text between the phases that need it.
//!
//! - The planning walk reads each module file here ([`SourceStore::read_for_walk`]); a text that
//!   passes the prefilter is kept for the pipeline, which then takes it instead of reading the
//!   file again, and a file that fails it is not read again at all ([`SourceStore::take_walked`]).
//! - The pipeline holds the text of each file that may report ([`SourceStore::hold`]); renderers
//!   ask for a file's shown text ([`SourceStore::shown`]), which is redacted once, on first use,
//!   and read then (within its tree) for a file a label points into that nothing held.
//! - [`Text`] is built only here, so no output can show text that skipped redaction.

mod redact;
mod text;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use tlslint_lints::{Diagnostic, Engine, Policy};

use crate::plan::confine::{Refusal, Tree};

pub use redact::message as redacted_message;
pub use text::Text;

/// What the planning walk left of a file for the pipeline.
pub enum Walked {
    /// The walk kept its text: it passed the prefilter.
    Kept(Arc<str>),
    /// The walk read it and it failed the prefilter: there is nothing to lint.
    Skipped,
    /// The walk did not read it (or could not): the pipeline reads it.
    NotRead,
}

/// The texts of one run, by display path.
#[derive(Default)]
pub struct SourceStore {
    /// Whether a text the walk reads is worth keeping for the pipeline (the prefilter); without
    /// one the walk keeps nothing and the pipeline reads every file itself.
    prefilter: Option<Engine>,
    slots: Mutex<HashMap<String, Slot>>,
}

#[derive(Default)]
struct Slot {
    /// Where the file can be read from, within which tree.
    location: Option<(PathBuf, Tree)>,
    /// What the planning walk left for the next pipeline run (taken by it).
    walked: Option<Walked>,
    /// The text the later phases and the outputs use.
    held: Option<Arc<str>>,
    /// The redacted text, once asked for (`None` inside when the file cannot be read).
    shown: Option<Option<Arc<Text>>>,
}

impl std::fmt::Debug for SourceStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SourceStore").finish_non_exhaustive()
    }
}

impl SourceStore {
    /// A store whose planning walk keeps the texts that pass the prefilter.
    pub fn prefiltered() -> SourceStore {
        SourceStore {
            prefilter: Some(Engine::new()),
            ..SourceStore::default()
        }
    }

    fn slots(&self) -> std::sync::MutexGuard<'_, HashMap<String, Slot>> {
        self.slots.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Reads a module file for the planning walk, through `tree`, and keeps its text for the
    /// pipeline when it passes the prefilter under `policy` (its package's: the sinks it
    /// declares count).
    pub fn read_for_walk(
        &self,
        display: &str,
        path: &Path,
        tree: &Tree,
        policy: &Policy,
    ) -> Result<Arc<str>, Refusal> {
        let text: Arc<str> = tree.read_to_string(path)?.into();
        if let Some(engine) = &self.prefilter {
            let walked = if engine.scan(&text, policy).is_some() {
                Walked::Kept(text.clone())
            } else {
                Walked::Skipped
            };
            self.slots().entry(display.to_string()).or_default().walked = Some(walked);
        }
        Ok(text)
    }

    /// What the planning walk left of the file shown as `display`, handed over once: a later
    /// pipeline run on the same plan (`--fix` lints again after writing) reads the file anew.
    pub fn take_walked(&self, display: &str) -> Walked {
        self.slots()
            .get_mut(display)
            .and_then(|slot| slot.walked.take())
            .unwrap_or(Walked::NotRead)
    }

    /// Forgets which files the planning walk skipped, so the pipeline reads and prefilters them
    /// again: for a policy that gained sinks after the walk (learned from dependencies).
    pub fn forget_skipped(&self) {
        for slot in self.slots().values_mut() {
            if matches!(slot.walked, Some(Walked::Skipped)) {
                slot.walked = None;
            }
        }
    }

    /// Keeps the text the pipeline read of the file shown as `display`, for the phases after
    /// its check and for the output.
    pub fn hold(&self, display: &str, text: Arc<str>) {
        let mut slots = self.slots();
        let slot = slots.entry(display.to_string()).or_default();
        slot.held = Some(text);
        slot.shown = None;
    }

    /// Forgets the text held for the file shown as `display` (a new pipeline run on the same
    /// plan decides anew what to hold).
    pub fn release(&self, display: &str) {
        if let Some(slot) = self.slots().get_mut(display) {
            slot.held = None;
            slot.shown = None;
        }
    }

    /// Keeps a text that is no file's on disk (standard input, an editor's buffer, a test's
    /// source): it is never read, only shown.
    pub fn add_text(&self, display: &str, text: String) {
        self.hold(display, text.into());
    }

    /// Registers where the file shown as `display` is read from if an output needs it and
    /// nothing holds its text, unless a location or text is known already.
    pub fn locate(&self, display: &str, path: &Path, tree: &Tree) {
        let mut slots = self.slots();
        let slot = slots.entry(display.to_string()).or_default();
        if slot.location.is_none() {
            slot.location = Some((path.to_path_buf(), tree.clone()));
            if matches!(slot.shown, Some(None)) {
                slot.shown = None;
            }
        }
    }

    /// The text held for the file shown as `display`, if any (nothing is read).
    pub fn held(&self, display: &str) -> Option<Arc<str>> {
        self.slots().get(display)?.held.clone()
    }

    /// The text of the file shown as `display`: held, or read now from its location (and held
    /// from then on).
    pub fn raw(&self, display: &str) -> Option<Arc<str>> {
        if let Some(text) = self.held(display) {
            return Some(text);
        }
        let (path, tree) = self.slots().get(display)?.location.clone()?;
        let text: Arc<str> = tree.read_to_string(&path).ok()?.into();
        self.slots().entry(display.to_string()).or_default().held = Some(text.clone());
        Some(text)
    }

    /// The text of the file shown as `display` as outputs show it: redacted once, on first use.
    pub fn shown(&self, display: &str) -> Option<Arc<Text>> {
        if let Some(shown) = self.slots().get(display).and_then(|s| s.shown.clone()) {
            return shown;
        }
        let shown = self
            .raw(display)
            .map(|raw| Arc::new(Text::new(redact::file_text(display, raw.to_string()))));
        self.slots().entry(display.to_string()).or_default().shown = Some(shown.clone());
        shown
    }
}

/// A text that is no file of the run (a manifest quoted by a setup error) as outputs show it.
pub fn shown_once(display: &str, text: String) -> Text {
    Text::new(redact::file_text(display, text))
}

/// A finding's strings as outputs show them (see [`redact::diagnostic`]).
pub fn redact_diagnostic(d: &mut Diagnostic) {
    redact::diagnostic(d);
}
