//! Rendering the errors that stop a run before linting (exit status 2): a policy or manifest
//! problem is shown as a snippet of the TOML at the offending key, like any other diagnostic.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::plan::workspace::SetupError;
use crate::render::sarif_invocation::Place;
use crate::store::{redacted_message, shown_once};

/// The text to print for a setup error. The snippet's text, the message and any tool's error
/// output are redacted first: a manifest or `tlslint.toml` can hold a private key, and cargo's own
/// error quotes the line it failed on.
pub fn render(e: &SetupError, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = match e {
        SetupError::Config(c) => {
            let path = crate::plan::shown(&c.path.display().to_string());
            let message = redacted_message(&c.message);
            let label = redacted_message(&c.label);
            let text = shown_once(&path, c.text.clone());
            let title = Level::ERROR.primary_title(message.as_str());
            let group = if text.is_empty() {
                Group::with_title(title)
            } else {
                let label = (!label.is_empty()).then_some(label.as_str());
                title.element(
                    Snippet::source(text.as_str())
                        .path(path.as_str())
                        .annotation(AnnotationKind::Primary.span(c.range.clone()).label(label)),
                )
            };
            renderer.render(&[group])
        }
        SetupError::Other(e) => {
            let text = redacted_message(&format!("{e:#}"));
            renderer.render(&[Group::with_title(Level::ERROR.primary_title(text.as_str()))])
        }
    };
    out.push('\n');
    out
}

/// A setup error in one line for machine outputs (the SARIF invocation's notification), redacted,
/// with its place when it has one: (file, line, column); the file relative to
/// `GITHUB_WORKSPACE` when it lies there.
pub fn summary(e: &SetupError) -> (String, Option<Place>) {
    match e {
        SetupError::Config(c) => {
            let path = c.path.display().to_string();
            let place = (!c.text.is_empty()).then(|| {
                let (start, _) = shown_once(&path, c.text.clone()).positions(&c.range);
                let uri = crate::render::ci::relative_to_env(
                    std::path::Path::new(""),
                    &path,
                    "GITHUB_WORKSPACE",
                );
                (
                    crate::render::sarif::uri_of(&crate::plan::shown(&uri)),
                    start.line,
                    start.col,
                )
            });
            (redacted_message(&c.message), place)
        }
        SetupError::Other(e) => (redacted_message(&format!("{e:#}")), None),
    }
}
