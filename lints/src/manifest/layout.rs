//! The shape of a TOML document that suppression comments need: the ranges of key/value pairs and
//! of `[table]` sections (what an own-line comment covers), the string values (a `#` inside one is
//! not a comment), and the sections that hold test-only dependencies.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// Ranges of one parsed TOML document.
#[derive(Debug, Default)]
pub(crate) struct Layout {
    /// Key/value pairs (from the key to the end of the value) and whole `[table]` sections.
    pub statements: Vec<Range<usize>>,
    /// String values, quotes included.
    pub strings: Vec<Range<usize>>,
    /// `[dev-dependencies…]` sections, including the target-specific ones.
    pub test_sections: Vec<Range<usize>>,
}

impl Layout {
    /// Measures the document `root` parsed from `text`.
    pub fn of(root: &DeTable<'_>, text: &str) -> Layout {
        let mut layout = Layout::default();
        let mut headers = Vec::new();
        walk(root, text, &mut Vec::new(), &mut headers, &mut layout);
        headers.sort_by_key(|(start, _)| *start);
        for (i, (start, is_test)) in headers.iter().enumerate() {
            let end = headers.get(i + 1).map_or(text.len(), |(next, _)| *next);
            layout.statements.push(*start..end);
            if *is_test {
                layout.test_sections.push(*start..end);
            }
        }
        layout
    }

    /// Whether byte `offset` lies in a test-only dependency section.
    pub fn in_test_section(&self, offset: usize) -> bool {
        self.test_sections.iter().any(|s| s.contains(&offset))
    }
}

/// Whether the dependency table at `path` holds dev-dependencies (`[dev-dependencies]`,
/// `[target.'cfg(…)'.dev-dependencies]`, and the tables under them).
pub(crate) fn is_dev_table_path(path: &[String]) -> bool {
    let is_dev = |s: &String| s == "dev-dependencies" || s == "dev_dependencies";
    path.first().is_some_and(is_dev)
        || (path.first().is_some_and(|s| s == "target") && path.get(2).is_some_and(is_dev))
}

/// Whether `span` is a `[table]` or `[[array]]` header rather than an inline value or dotted key.
fn is_header(text: &str, span: &Range<usize>) -> bool {
    text.get(span.start..).is_some_and(|t| t.starts_with('['))
}

fn walk(
    table: &DeTable<'_>,
    text: &str,
    path: &mut Vec<String>,
    headers: &mut Vec<(usize, bool)>,
    out: &mut Layout,
) {
    for (key, value) in table.iter() {
        path.push(key.get_ref().to_string());
        let span = value.span();
        match value.get_ref() {
            DeValue::Table(t) if is_header(text, &span) => {
                headers.push((span.start, is_dev_table_path(path)));
                walk(t, text, path, headers, out);
            }
            DeValue::Array(items)
                if !items.is_empty()
                    && items
                        .iter()
                        .all(|i| i.get_ref().is_table() && is_header(text, &i.span())) =>
            {
                for item in items.iter() {
                    headers.push((item.span().start, is_dev_table_path(path)));
                    if let DeValue::Table(t) = item.get_ref() {
                        walk(t, text, path, headers, out);
                    }
                }
            }
            _ => {
                if span.end > key.span().start {
                    out.statements.push(key.span().start..span.end);
                }
                inline(value, text, path, headers, out);
            }
        }
        path.pop();
    }
}

/// An inline value: its strings, and the key/value pairs of dotted keys and inline tables.
fn inline(
    value: &Spanned<DeValue<'_>>,
    text: &str,
    path: &mut Vec<String>,
    headers: &mut Vec<(usize, bool)>,
    out: &mut Layout,
) {
    match value.get_ref() {
        DeValue::String(_) => out.strings.push(value.span()),
        DeValue::Array(items) => {
            for item in items.iter() {
                inline(item, text, path, headers, out);
            }
        }
        DeValue::Table(t) => walk(t, text, path, headers, out),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(text: &str) -> Layout {
        let doc = DeTable::parse(text).expect("valid TOML");
        Layout::of(doc.get_ref(), text)
    }

    #[test]
    fn sections_run_to_the_next_header() {
        let text = "[package]\nname = \"a\"\n\n[dependencies.rustls]\nversion = \"0.21\"\n[dev-dependencies]\nx = \"1\"\n";
        let l = layout(text);
        let dep = text.find("[dependencies.rustls]").unwrap_or_default();
        let dev = text.find("[dev-dependencies]").unwrap_or_default();
        assert!(l.statements.contains(&(dep..dev)));
        assert!(l.statements.contains(&(dev..text.len())));
        assert_eq!(l.test_sections, vec![dev..text.len()]);
        assert!(l.strings.iter().any(|s| &text[s.clone()] == "\"0.21\""));
    }

    #[test]
    fn key_value_pairs_span_multiple_lines() {
        let text = "[dependencies]\nrustls = { version = \"0.21\", features = [\n  \"x\",\n] }\n";
        let l = layout(text);
        let start = text.find("rustls").unwrap_or_default();
        let end = text.rfind('}').unwrap_or_default() + 1;
        assert!(l.statements.contains(&(start..end)));
    }

    #[test]
    fn target_dev_dependencies_are_test_sections() {
        assert!(is_dev_table_path(&[
            "target".into(),
            "cfg(unix)".into(),
            "dev-dependencies".into()
        ]));
        assert!(is_dev_table_path(&["dev_dependencies".into(), "x".into()]));
        assert!(!is_dev_table_path(&["dependencies".into()]));
        assert!(!is_dev_table_path(&[
            "target".into(),
            "dev-dependencies".into()
        ]));
    }
}
