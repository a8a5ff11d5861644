//! The generated parts of the documentation: the README's rule table and `docs/rules.md`, both
//! rendered from the rule registry (`tests/docs.rs` checks them and rewrites them when blessed).

use tlslint_lints::RULES;

use crate::render::rule_meta;

/// The marker lines around the README's generated rule table.
pub const README_BEGIN: &str = "<!-- rules:begin -->";
/// See [`README_BEGIN`].
pub const README_END: &str = "<!-- rules:end -->";

/// The README's rule table: code (linking to its section in `docs/rules.md`), name, default
/// level, summary.
pub fn readme_table() -> String {
    let mut out = String::from("| code | name | default level | summary |\n|---|---|---|---|\n");
    for r in RULES {
        out.push_str(&format!(
            "| [{}](docs/rules.md#{}) | `{}` | `{}` | {} |\n",
            r.code,
            rule_meta::anchor(r),
            r.name,
            r.default_level.as_str(),
            r.summary.replace('|', "\\|")
        ));
    }
    out
}

/// `docs/rules.md`: every rule's section with its level, CWEs and documentation.
pub fn rules_md() -> String {
    let mut out = String::from(
        "# Rules\n\n<!-- Generated from the rule registry by `TLSLINT_BLESS=1 cargo test --test docs`; do not edit. -->\n\n",
    );
    for r in RULES {
        out.push_str(&format!(
            "- [{}](#{}): {}\n",
            rule_meta::heading(r).replace('`', ""),
            rule_meta::anchor(r),
            r.summary
        ));
    }
    for r in RULES {
        let cwe = rule_meta::cwe_suffix(r, |c| {
            format!("[CWE-{c}](https://cwe.mitre.org/data/definitions/{c}.html)")
        });
        out.push_str(&format!(
            "\n## {}\n\nDefault level: `{}`{cwe}\n\n{}\n\n{}\n",
            rule_meta::heading(r),
            r.default_level.as_str(),
            r.summary,
            r.docs.trim_end()
        ));
    }
    out
}

/// `readme` with the text between the markers replaced by [`readme_table`]; `None` when the
/// markers are missing.
pub fn splice_readme(readme: &str) -> Option<String> {
    let (head, rest) = readme.split_once(README_BEGIN)?;
    let (_, tail) = rest.split_once(README_END)?;
    Some(format!(
        "{head}{README_BEGIN}\n{}{README_END}{tail}",
        readme_table()
    ))
}
