//! No panic on any input: random token soups built from the rules' own vocabulary and seeded
//! mutations of real files (every ui-test case and the engine's own sources) are linted through
//! the same path as the CLI. Seeds are fixed, so a failure reproduces; set `TLSLINT_FUZZ_ITERS`
//! to run longer locally. Long chains (`a::<a::<…>>`, `|x| |x| …`, `a + a + …`) of up to 120k
//! repeats are spliced into real files and linted on a thread with a modest stack. Focused
//! parsing (only the items with trigger words, see `lints/src/outline.rs`) is checked against
//! parsing whole files on the same seed files.

use std::path::Path;

use cargo_tlslint::pipeline::lint_source;
use tlslint_lints::{Engine, Policy, SourceFile, Triggers};

const VOCABULARY: &[&str] = &[
    "(",
    ")",
    "{",
    "}",
    "[",
    "]",
    ".",
    "::",
    ",",
    ";",
    "=",
    "!",
    "&",
    "|",
    "||",
    "=>",
    "->",
    "#",
    "'a",
    "$x",
    "?",
    "fn",
    "mod",
    "let",
    "mut",
    "const",
    "static",
    "impl",
    "for",
    "if",
    "else",
    "match",
    "use",
    "as",
    "struct",
    "true",
    "false",
    "0",
    "1",
    "\"s\"",
    "r#\"raw\"#",
    "b'x'",
    "macro_rules!",
    "format!",
    "cfg!",
    "//",
    "/*",
    "*/",
    "\n",
    " ",
    "\u{feff}",
    "#!",
    "tlslint:",
    "allow(",
    "reason = \"r\"",
    "danger_accept_invalid_certs",
    "danger_accept_invalid_hostnames",
    "ssl_verify_peer",
    "SslVerifyMode",
    "NONE",
    "set_verify",
    "TlsMode",
    "Insecure",
    "PgSslMode",
    "Require",
    "trust_cert",
    "Some",
    "self",
    "env",
    "var",
    "x",
    "y",
];

fn iterations(default: usize) -> usize {
    std::env::var("TLSLINT_FUZZ_ITERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn lint(text: &str) {
    let policy = Policy {
        include_tests: true,
        ..Policy::default()
    };
    let store = cargo_tlslint::store::SourceStore::default();
    let findings = lint_source(&store, "fuzz.rs", text, false, &policy);
    for d in &findings.diagnostics {
        assert!(
            d.primary.range.start <= d.primary.range.end && d.primary.range.end <= text.len(),
            "range out of the text: {:?}",
            d.primary.range
        );
    }
    let _ = cargo_tlslint::render::render_plain(std::slice::from_ref(&findings), &store, false);
}

#[test]
fn random_token_streams() {
    let mut rng = fastrand::Rng::with_seed(0x7115);
    for _ in 0..iterations(500) {
        let len = rng.usize(1..200);
        let text: String = (0..len)
            .map(|_| VOCABULARY[rng.usize(..VOCABULARY.len())])
            .collect::<Vec<_>>()
            .join(if rng.bool() { " " } else { "" });
        lint(&format!("danger_accept_invalid_certs {text}"));
    }
}

/// Every ui-test case, the engine's own sources, the example and the test fixtures.
fn seed_files() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["ui-tests", "lints/src", "examples", "tests/fixtures"] {
        collect(&root.join(dir), &mut files);
    }
    assert!(files.len() > 200, "found the seed files");
    files
}

#[test]
fn focused_parsing_reports_what_whole_file_parsing_reports() {
    let engine = Engine::new();
    let policy = Policy {
        include_tests: true,
        ..Policy::default()
    };
    let mut focused_files = 0;
    for text in seed_files() {
        let Some(triggers) = engine.scan(&text, &policy) else {
            continue;
        };
        let file = SourceFile {
            path: "seed.rs",
            text: &text,
            is_test_target: false,
            policy: &policy,
        };
        focused_files += usize::from(!triggers.whole_file);
        let focused = format!("{:?}", engine.check_file(&file, &triggers));
        let whole = Triggers {
            whole_file: true,
            ..triggers
        };
        let expected = format!("{:?}", engine.check_file(&file, &whole));
        assert_eq!(focused, expected, "focused parsing differs on:\n{text}");
    }
    assert!(
        focused_files > 150,
        "{focused_files} files went through focusing"
    );
}

#[test]
fn mutated_real_files() {
    let files = seed_files();
    let mut rng = fastrand::Rng::with_seed(0x5eed);
    let rounds = iterations(400);
    for i in 0..rounds {
        let original = &files[i % files.len()];
        let mut bytes = original.clone().into_bytes();
        for _ in 0..rng.usize(1..6) {
            mutate(&mut rng, &mut bytes);
        }
        lint(&String::from_utf8_lossy(&bytes));
    }
}

/// Shapes that nest as deep as they are long (syn recurses once per repeat) or build trees as
/// deep as they are long: `(prefix, repeated, suffix)`.
const LONG_CHAINS: &[(&str, &str, &str)] = &[
    ("", "a::<", "b"),
    ("loop { ", "break ", "; }"),
    ("", "a = ", "1"),
    ("", "|x| ", "x"),
    ("", "|x|", "x"),
    ("", "|| ", "x"),
    ("", "return ", ""),
    ("", "!", "a"),
    ("", "*", "a"),
    ("", "&mut ", "a"),
    ("", "- ", "a"),
    ("", "if ", "a"),
    ("a", " || a", ""),
    ("a", " + a", ""),
    ("a", ".f()", ""),
    ("a", "?", ""),
    ("a", " as u8", ""),
    ("a", "[0]", ""),
    ("if a {}", " else if a {}", ""),
    ("", "(", "a"),
    ("", "{", "a"),
    ("", "x @ ", "a"),
    ("", "A<", "u8"),
    ("", "<A as ", "B"),
    ("", "fn() -> ", "u8"),
];

/// Lints `text` on a thread with an 8 MiB stack (a test harness's or rayon's default is 2 MiB):
/// the nesting bound, not a big stack, is what keeps long chains from overflowing it.
fn lint_on_a_small_stack(text: String) {
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(move || lint(&text))
        .expect("spawn")
        .join()
        .expect("linting finished");
}

#[test]
fn long_chains_in_mutated_real_files() {
    let files = seed_files();
    let mut rng = fastrand::Rng::with_seed(0xc4a1);
    for i in 0..iterations(24) {
        let (prefix, repeated, suffix) = LONG_CHAINS[i % LONG_CHAINS.len()];
        let repeats = match rng.u8(..3) {
            0 => rng.usize(1..2_000),
            1 => rng.usize(2_000..20_000),
            _ => rng.usize(20_000..120_000),
        };
        let chain = format!("{prefix}{}{suffix}", repeated.repeat(repeats));
        let mut text = files[rng.usize(..files.len())].clone();
        let mut at = rng.usize(..=text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        text.insert_str(at, &chain);
        text.push_str(&format!(
            "\nfn chained() {{ danger_accept_invalid_certs(true); let _ = {chain}; }}\n"
        ));
        lint_on_a_small_stack(text);
    }
}

fn collect(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs")
            && let Ok(text) = std::fs::read_to_string(&path)
        {
            out.push(text);
        }
    }
}

fn mutate(rng: &mut fastrand::Rng, bytes: &mut Vec<u8>) {
    if bytes.is_empty() {
        bytes.extend_from_slice(b"danger_accept_invalid_certs(");
        return;
    }
    let at = rng.usize(..bytes.len());
    match rng.u8(..5) {
        0 => {
            let end = (at + rng.usize(1..64)).min(bytes.len());
            bytes.drain(at..end);
        }
        1 => {
            let token = VOCABULARY[rng.usize(..VOCABULARY.len())].as_bytes();
            bytes.splice(at..at, token.iter().copied());
        }
        2 => {
            let end = (at + rng.usize(1..128)).min(bytes.len());
            let copy = bytes[at..end].to_vec();
            let to = rng.usize(..bytes.len());
            bytes.splice(to..to, copy);
        }
        3 => bytes[at] = rng.u8(..),
        _ => bytes.truncate(at),
    }
}
