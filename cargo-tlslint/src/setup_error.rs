//! Rendering the errors that stop a run before linting (exit status 2): a policy or manifest
//! problem is shown as a snippet of the TOML at the offending key, like any other diagnostic.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::workspace::SetupError;

/// The text to print for a setup error.
pub fn render(e: &SetupError, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = match e {
        SetupError::Config(c) => {
            let path = c.path.display().to_string();
            let title = Level::ERROR.primary_title(c.message.as_str());
            let group = if c.text.is_empty() {
                Group::with_title(title)
            } else {
                let label = (!c.label.is_empty()).then_some(c.label.as_str());
                title.element(
                    Snippet::source(c.text.as_str())
                        .path(path.as_str())
                        .annotation(AnnotationKind::Primary.span(c.range.clone()).label(label)),
                )
            };
            renderer.render(&[group])
        }
        SetupError::Other(e) => {
            let text = format!("{e:#}");
            renderer.render(&[Group::with_title(Level::ERROR.primary_title(text.as_str()))])
        }
    };
    out.push('\n');
    out
}
