//! URLs that carry a credential in their query while their scheme and host come from the package:
//! `format!("{base}/feed?token={token}")` where `base` is a parameter, a field or another file's
//! constant. What the package gives `base` decides whether the credential travels in cleartext.

use std::ops::Range;

use super::carriers::is_credential_param;
use crate::cx::Cx;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use crate::sink::Sink;
use crate::value::Dangerous;
use crate::value::from_package::{FromPackage, url_from_package};
use crate::value::template::with_leading_argument;

/// A needle for a URL template that writes a credential into its query, whose scheme and host
/// may be a parameter, a field or another file's constant.
pub const QUERY_CREDENTIAL_NEEDLE: &str = "?token= || &token= || ?access_token= || &access_token= || ?api_key= || &api_key= || ?apikey= || ?auth= || ?jwt=";

/// A URL template whose query carries a credential and whose base the package decides.
struct PendingQuery {
    /// The template (the whole `format!(…)`).
    site: Range<usize>,
    /// The credential's query parameter (`token`).
    key: String,
    /// Where the base comes from.
    from: FromPackage,
}

/// The `format!`/`format_args!` templates of the file that start with a value of the package and
/// put a credential in the query they write.
fn pending_query_credentials(cx: &Cx<'_>) -> Vec<PendingQuery> {
    let mut out = Vec::new();
    for mac in &cx.macros {
        let Some(key) = template_query_credential(mac) else {
            continue;
        };
        let Some(from) = with_leading_argument(mac, |leading| url_from_package(cx, leading)) else {
            continue;
        };
        out.push(PendingQuery {
            site: cx.range(*mac),
            key,
            from,
        });
    }
    out
}

/// What a cleartext rule says of a template of [`pending_query_credentials`].
pub struct QueryWords<'w> {
    /// The rule.
    pub rule: &'static Rule,
    /// The cleartext scheme whose URLs make the finding (`http`, `ws`).
    pub scheme: &'static str,
    /// The headline.
    pub message: &'w str,
    /// Why it matters.
    pub note: &'w str,
    /// The fix.
    pub help: &'w str,
}

/// Defers a finding at each template of the file that writes a credential into the query of a
/// base the package decides, until the package gives the base a `scheme` URL to a host that is
/// not exempt.
pub fn defer_pending_queries(cx: &Cx<'_>, sink: &mut Sink, words: &QueryWords<'_>) {
    for query in pending_query_credentials(cx) {
        let d = Diagnostic::new(words.rule, words.message, query.site.clone())
            .label(format!(
                "the `{}` query parameter travels in this URL; {}",
                query.key,
                query.from.describe("its base")
            ))
            .note(words.note)
            .help(words.help);
        let dangerous =
            Dangerous::CleartextUrl(words.scheme, cx.policy.allowed_cleartext_hosts.clone());
        sink.defer(d, query.from.condition(dangerous, None));
    }
}

/// The credential parameter a template's literal text writes into a query (`?token=`,
/// `&api_key=`), followed by a value.
fn template_query_credential(mac: &syn::Macro) -> Option<String> {
    let template = mac.tokens.clone().into_iter().next()?;
    let syn::Lit::Str(text) = syn::parse2::<syn::Lit>(template.into()).ok()? else {
        return None;
    };
    let text = text.value();
    let (_, query) = text.split_once('?')?;
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, value)| is_credential_param(key) && !value.is_empty())
        .map(|(key, _)| key.to_string())
}
