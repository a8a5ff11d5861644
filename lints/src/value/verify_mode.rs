//! openssl's (and boring's) peer verification modes, a kind of constant: `SslVerifyMode` is a set
//! of flags, read off the flag names (`NONE`, `PEER`, `FAIL_IF_NO_PEER_CERT`, `CLIENT_ONCE`,
//! `POST_HANDSHAKE`), the empty set (`SslVerifyMode::empty()`) and `from_bits_truncate(n)`, and
//! combined by `|`. The mode with no flag at all verifies nothing.

use syn::Expr;

use crate::cx::{Cx, peel};

/// The type whose constants this module reads.
const TYPE: &str = "SslVerifyMode";

/// The flag that makes a client verify the server's certificate (`SSL_VERIFY_PEER`).
pub(super) const PEER: u32 = 1;

/// The flags of a verification mode, as openssl defines them (`SSL_VERIFY_*`).
const FLAGS: &[(&str, u32)] = &[
    ("NONE", 0),
    ("PEER", PEER),
    ("FAIL_IF_NO_PEER_CERT", 2),
    ("CLIENT_ONCE", 4),
    ("POST_HANDSHAKE", 8),
];

/// The flags of a mode named by a qualified path (`SslVerifyMode::PEER`, or an imported name
/// whose `use` qualifies it).
pub(super) fn mode_path(cx: &Cx<'_>, path: &syn::Path) -> Option<u32> {
    match cx.canonical_path(path).as_slice() {
        [.., ty, flag] if ty == TYPE => FLAGS.iter().find(|(n, _)| n == flag).map(|(_, b)| *b),
        _ => None,
    }
}

/// The flags of a mode built by a call: `SslVerifyMode::empty()`, `from_bits_truncate(n)` with
/// `n` known where it is written.
pub(super) fn mode_call(cx: &Cx<'_>, expr: &Expr) -> Option<u32> {
    let Expr::Call(call) = peel(expr) else {
        return None;
    };
    let Expr::Path(f) = peel(&call.func) else {
        return None;
    };
    let segments = cx.canonical_path(&f.path);
    let [.., ty, function] = segments.as_slice() else {
        return None;
    };
    if ty != TYPE {
        return None;
    }
    match (function.as_str(), call.args.first()) {
        ("empty", None) => Some(0),
        ("from_bits_truncate", Some(bits)) => cx
            .resolve(bits)
            .as_int()
            .and_then(|n| u32::try_from(n).ok()),
        _ => None,
    }
}

/// A mode as written in a message.
pub(super) fn shown(bits: u32) -> String {
    let names: Vec<&str> = FLAGS
        .iter()
        .filter(|(_, b)| *b != 0 && bits & b != 0)
        .map(|(n, _)| *n)
        .collect();
    if names.is_empty() {
        format!("`{TYPE}::NONE`")
    } else {
        format!("`{TYPE}::{}`", names.join(" | "))
    }
}
