//! OpenSSL cipher strings, evaluated the way `SSL_CTX_set_cipher_list` does: tokens separated by
//! `:`, `,`, `;` or spaces; an alias (`ALL`, `HIGH`, `aNULL`, `kRSA`, …) or a suite name adds its
//! suites, `A+B` intersects, `-X` removes, `!X` removes for good, `+X` only reorders, `@SECLEVEL=n`
//! sets the security level. Suites come from a table of OpenSSL/IANA names whose properties are
//! read off the name, so every suite an alias can add is classified.

use std::collections::{BTreeSet, HashMap, HashSet};

/// Why a suite is weak (the classes of TLS401 and TLS402).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Weakness {
    /// No encryption (`eNULL`).
    Null,
    /// 40/56-bit export-grade suites.
    Export,
    /// No server authentication (`aNULL`: `ADH`, `AECDH`).
    Anonymous,
    /// RC4 (prohibited by RFC 7465).
    Rc4,
    /// Single DES.
    Des,
    /// Triple DES (Sweet32).
    TripleDes,
    /// HMAC-MD5.
    Md5,
    /// RC2.
    Rc2,
    /// A TLS 1.3 suite with a truncated 8-byte tag (`TLS_AES_128_CCM_8_SHA256`).
    ShortTag,
    /// A TLS 1.3 integrity-only suite (`TLS_SHA256_SHA256`).
    IntegrityOnly,
}

impl Weakness {
    /// How the class is named in a message.
    pub fn describe(self) -> &'static str {
        match self {
            Weakness::Null => "NULL (unencrypted)",
            Weakness::Export => "EXPORT",
            Weakness::Anonymous => "anonymous",
            Weakness::Rc4 => "RC4",
            Weakness::Des => "DES",
            Weakness::TripleDes => "3DES",
            Weakness::Md5 => "MD5",
            Weakness::Rc2 => "RC2",
            Weakness::ShortTag => "truncated-tag (CCM_8)",
            Weakness::IntegrityOnly => "integrity-only (unencrypted)",
        }
    }
}

/// The properties of one suite, read off its name.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Suite {
    name: String,
    kx: &'static str,
    auth: &'static str,
    enc: &'static str,
    mac: &'static str,
    export: bool,
    tls12: bool,
}

/// Known suites (OpenSSL names; TLS 1.3 names are IANA's). Aliases expand over this table.
const SUITES: &[&str] = &[
    "TLS_AES_256_GCM_SHA384",
    "TLS_CHACHA20_POLY1305_SHA256",
    "TLS_AES_128_GCM_SHA256",
    "TLS_AES_128_CCM_SHA256",
    "TLS_AES_128_CCM_8_SHA256",
    "ECDHE-ECDSA-AES256-GCM-SHA384",
    "ECDHE-RSA-AES256-GCM-SHA384",
    "DHE-RSA-AES256-GCM-SHA384",
    "ECDHE-ECDSA-CHACHA20-POLY1305",
    "ECDHE-RSA-CHACHA20-POLY1305",
    "DHE-RSA-CHACHA20-POLY1305",
    "ECDHE-ECDSA-AES128-GCM-SHA256",
    "ECDHE-RSA-AES128-GCM-SHA256",
    "DHE-RSA-AES128-GCM-SHA256",
    "DHE-DSS-AES256-GCM-SHA384",
    "DHE-DSS-AES128-GCM-SHA256",
    "ECDHE-ECDSA-AES256-CCM",
    "ECDHE-ECDSA-AES128-CCM",
    "ECDHE-ECDSA-AES128-CCM8",
    "DHE-RSA-AES256-CCM",
    "DHE-RSA-AES128-CCM8",
    "ECDHE-ECDSA-AES256-SHA384",
    "ECDHE-RSA-AES256-SHA384",
    "DHE-RSA-AES256-SHA256",
    "ECDHE-ECDSA-AES128-SHA256",
    "ECDHE-RSA-AES128-SHA256",
    "DHE-RSA-AES128-SHA256",
    "ECDHE-ECDSA-CAMELLIA256-SHA384",
    "ECDHE-RSA-CAMELLIA128-SHA256",
    "ECDHE-ECDSA-ARIA256-GCM-SHA384",
    "ECDHE-ECDSA-AES256-SHA",
    "ECDHE-RSA-AES256-SHA",
    "DHE-RSA-AES256-SHA",
    "DHE-DSS-AES256-SHA",
    "ECDHE-ECDSA-AES128-SHA",
    "ECDHE-RSA-AES128-SHA",
    "DHE-RSA-AES128-SHA",
    "DHE-DSS-AES128-SHA",
    "DHE-RSA-CAMELLIA256-SHA",
    "DHE-RSA-CAMELLIA128-SHA",
    "DHE-RSA-SEED-SHA",
    "AES256-GCM-SHA384",
    "AES128-GCM-SHA256",
    "AES256-CCM",
    "AES128-CCM8",
    "AES256-SHA256",
    "AES128-SHA256",
    "AES256-SHA",
    "AES128-SHA",
    "CAMELLIA256-SHA",
    "CAMELLIA128-SHA",
    "ARIA256-GCM-SHA384",
    "SEED-SHA",
    "IDEA-CBC-SHA",
    "PSK-AES256-GCM-SHA384",
    "PSK-AES128-GCM-SHA256",
    "PSK-CHACHA20-POLY1305",
    "ECDHE-PSK-AES256-CBC-SHA384",
    "DHE-PSK-AES128-GCM-SHA256",
    "RSA-PSK-AES256-GCM-SHA384",
    "PSK-AES128-CBC-SHA",
    "SRP-AES-256-CBC-SHA",
    "SRP-RSA-AES-128-CBC-SHA",
    "SRP-DSS-AES-256-CBC-SHA",
    "ECDHE-ECDSA-DES-CBC3-SHA",
    "ECDHE-RSA-DES-CBC3-SHA",
    "EDH-RSA-DES-CBC3-SHA",
    "EDH-DSS-DES-CBC3-SHA",
    "DES-CBC3-SHA",
    "PSK-3DES-EDE-CBC-SHA",
    "SRP-3DES-EDE-CBC-SHA",
    "EDH-RSA-DES-CBC-SHA",
    "EDH-DSS-DES-CBC-SHA",
    "DES-CBC-SHA",
    "ECDHE-ECDSA-RC4-SHA",
    "ECDHE-RSA-RC4-SHA",
    "RC4-SHA",
    "RC4-MD5",
    "PSK-RC4-SHA",
    "IDEA-CBC-MD5",
    "RC2-CBC-MD5",
    "EXP-RC4-MD5",
    "EXP-RC2-CBC-MD5",
    "EXP-DES-CBC-SHA",
    "EXP-EDH-RSA-DES-CBC-SHA",
    "EXP-ADH-RC4-MD5",
    "ADH-AES256-GCM-SHA384",
    "ADH-AES128-GCM-SHA256",
    "ADH-AES256-SHA256",
    "ADH-AES128-SHA",
    "ADH-CAMELLIA128-SHA",
    "ADH-DES-CBC3-SHA",
    "ADH-DES-CBC-SHA",
    "ADH-RC4-MD5",
    "AECDH-AES256-SHA",
    "AECDH-AES128-SHA",
    "AECDH-DES-CBC3-SHA",
    "AECDH-RC4-SHA",
    "AECDH-NULL-SHA",
    "ECDHE-ECDSA-NULL-SHA",
    "ECDHE-RSA-NULL-SHA",
    "NULL-SHA256",
    "NULL-SHA",
    "NULL-MD5",
    "PSK-NULL-SHA",
];

/// Whether `name` is a TLS 1.3 suite name (`TLS_AES_…`, `TLS_CHACHA20_…`, `TLS_SHA256_SHA256`).
pub fn is_tls13_suite(name: &str) -> bool {
    name.starts_with("TLS_") && !name.contains("_WITH_")
}

impl Suite {
    /// Reads a suite's properties off its OpenSSL or IANA name; `None` for a name that does not
    /// look like a suite.
    fn from_name(name: &str) -> Option<Suite> {
        let upper = name.to_ascii_uppercase();
        let parts: Vec<&str> = upper.split(['-', '_']).filter(|p| !p.is_empty()).collect();
        let has = |p: &str| parts.contains(&p);
        let looks_like_suite =
            upper.contains('-') || upper.contains("_WITH_") || is_tls13_suite(&upper);
        if !looks_like_suite || parts.len() < 2 {
            return None;
        }
        let anon = has("ADH") || has("AECDH") || has("ANON");
        let kx = if has("PSK") {
            "PSK"
        } else if has("SRP") {
            "SRP"
        } else if has("ECDHE") || has("AECDH") || has("EECDH") {
            "ECDHE"
        } else if has("DHE") || has("EDH") || has("ADH") {
            "DHE"
        } else if is_tls13_suite(&upper) {
            "ANY"
        } else {
            "RSA"
        };
        let auth = if anon {
            "NULL"
        } else if has("ECDSA") {
            "ECDSA"
        } else if has("DSS") {
            "DSS"
        } else if kx == "PSK" && !has("RSA") {
            "PSK"
        } else if kx == "SRP" && !has("RSA") {
            "SRP"
        } else if is_tls13_suite(&upper) {
            "ANY"
        } else {
            "RSA"
        };
        let enc = if has("NULL") || upper == "TLS_SHA256_SHA256" || upper == "TLS_SHA384_SHA384" {
            "NULL"
        } else if has("RC4") {
            "RC4"
        } else if has("RC2") {
            "RC2"
        } else if has("CBC3") || has("3DES") || has("EDE") {
            "3DES"
        } else if has("DES") {
            "DES"
        } else if has("IDEA") {
            "IDEA"
        } else if has("SEED") {
            "SEED"
        } else if has("CHACHA20") {
            "CHACHA20"
        } else if parts.iter().any(|p| p.starts_with("CAMELLIA")) {
            "CAMELLIA"
        } else if parts.iter().any(|p| p.starts_with("ARIA")) {
            "ARIA"
        } else if parts.iter().any(|p| p.starts_with("AES")) {
            if has("GCM") {
                "AESGCM"
            } else if has("CCM8") || (has("CCM") && has("8")) {
                "AESCCM8"
            } else if has("CCM") {
                "AESCCM"
            } else {
                "AES"
            }
        } else {
            return None;
        };
        let mac = if has("MD5") {
            "MD5"
        } else if has("SHA384") {
            "SHA384"
        } else if has("SHA256") {
            "SHA256"
        } else if has("SHA") {
            "SHA1"
        } else {
            "AEAD"
        };
        let export = has("EXP") || has("EXPORT") || has("EXPORT40") || has("EXP1024");
        let tls12 = matches!(enc, "AESGCM" | "AESCCM" | "AESCCM8" | "CHACHA20" | "ARIA")
            || matches!(mac, "SHA256" | "SHA384");
        Some(Suite {
            name: name.to_string(),
            kx,
            auth,
            enc,
            mac,
            export,
            tls12,
        })
    }

    fn weaknesses(&self) -> Vec<Weakness> {
        let mut w = Vec::new();
        if self.enc == "NULL" {
            w.push(if is_tls13_suite(&self.name) {
                Weakness::IntegrityOnly
            } else {
                Weakness::Null
            });
        }
        if self.export {
            w.push(Weakness::Export);
        }
        if self.auth == "NULL" {
            w.push(Weakness::Anonymous);
        }
        match self.enc {
            "RC4" => w.push(Weakness::Rc4),
            "DES" => w.push(Weakness::Des),
            "3DES" => w.push(Weakness::TripleDes),
            "RC2" => w.push(Weakness::Rc2),
            "AESCCM8" if is_tls13_suite(&self.name) => w.push(Weakness::ShortTag),
            _ => {}
        }
        if self.mac == "MD5" {
            w.push(Weakness::Md5);
        }
        w
    }

    /// Whether the suite belongs to the alias `alias` (`None` when `alias` is not an alias).
    fn in_alias(&self, alias: &str) -> Option<bool> {
        let tls13 = is_tls13_suite(&self.name);
        let weak_legacy =
            self.export || matches!(self.enc, "RC4" | "DES" | "3DES" | "RC2") || self.mac == "MD5";
        let all = !tls13 && self.enc != "NULL";
        Some(match alias {
            "ALL" => all,
            "COMPLEMENTOFALL" => !tls13 && self.enc == "NULL",
            "DEFAULT" => all && self.auth != "NULL" && !weak_legacy,
            "COMPLEMENTOFDEFAULT" => all && (self.auth == "NULL" || weak_legacy),
            "HIGH" => {
                !tls13
                    && matches!(
                        self.enc,
                        "AES" | "AESGCM" | "AESCCM" | "AESCCM8" | "CHACHA20" | "CAMELLIA" | "ARIA"
                    )
            }
            "MEDIUM" => matches!(self.enc, "3DES" | "RC4" | "SEED" | "IDEA") && !self.export,
            "LOW" => self.enc == "DES" && !self.export,
            "EXPORT" | "EXP" | "EXPORT40" | "EXPORT56" => self.export,
            "eNULL" | "NULL" => !tls13 && self.enc == "NULL",
            "aNULL" => self.auth == "NULL",
            "ADH" => self.auth == "NULL" && self.kx == "DHE",
            "AECDH" => self.auth == "NULL" && self.kx == "ECDHE",
            "kRSA" | "RSA" => self.kx == "RSA",
            "aRSA" => self.auth == "RSA",
            "aECDSA" | "ECDSA" => self.auth == "ECDSA",
            "aDSS" | "DSS" => self.auth == "DSS",
            "kEDH" | "kDHE" | "DH" => self.kx == "DHE",
            "EDH" | "DHE" => self.kx == "DHE" && self.auth != "NULL",
            "kEECDH" | "kECDHE" | "ECDH" => self.kx == "ECDHE",
            "EECDH" | "ECDHE" => self.kx == "ECDHE" && self.auth != "NULL",
            "PSK" | "kPSK" => self.kx == "PSK",
            "aPSK" => self.auth == "PSK",
            "SRP" | "kSRP" => self.kx == "SRP",
            "AES" => self.enc.starts_with("AES"),
            "AES128" | "AES256" => self.enc.starts_with("AES") && self.name.contains(&alias[3..]),
            "AESGCM" => self.enc == "AESGCM",
            "AESCCM" => matches!(self.enc, "AESCCM" | "AESCCM8"),
            "AESCCM8" => self.enc == "AESCCM8",
            "CHACHA20" => self.enc == "CHACHA20",
            "CAMELLIA" | "CAMELLIA128" | "CAMELLIA256" => self.enc == "CAMELLIA",
            "ARIA" | "ARIAGCM" => self.enc == "ARIA",
            "3DES" => self.enc == "3DES",
            "DES" => self.enc == "DES",
            "RC4" => self.enc == "RC4",
            "RC2" => self.enc == "RC2",
            "IDEA" => self.enc == "IDEA",
            "SEED" => self.enc == "SEED",
            "MD5" => self.mac == "MD5",
            "SHA1" | "SHA" => self.mac == "SHA1",
            "SHA256" => self.mac == "SHA256",
            "SHA384" => self.mac == "SHA384",
            "TLSv1.2" => !tls13 && self.tls12,
            "TLSv1" | "TLSv1.0" | "SSLv3" => !tls13 && !self.tls12,
            "TLSv1.3" => tls13,
            _ => return None,
        })
    }
}

/// One weak suite left enabled, and the token that enabled it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeakSuite {
    /// The suite's name.
    pub suite: String,
    /// Why it is weak.
    pub weakness: Weakness,
    /// The token (as written) that added it.
    pub token: String,
}

/// What a cipher string leaves enabled.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Evaluation {
    /// Weak suites enabled at the end, in enabling order.
    pub weak: Vec<WeakSuite>,
    /// The `@SECLEVEL=n` setting, if any.
    pub seclevel: Option<u8>,
}

impl Evaluation {
    /// The weakness classes present, in a stable order, without repetition.
    pub fn classes(&self) -> Vec<Weakness> {
        let set: BTreeSet<Weakness> = self.weak.iter().map(|w| w.weakness).collect();
        set.into_iter().collect()
    }
}

/// Evaluates an OpenSSL cipher string, in time linear in its length (every lookup is hashed, so a
/// string of hundreds of thousands of distinct names costs no more than their count).
pub fn evaluate(list: &str) -> Evaluation {
    let mut suites = Suites::known();
    let mut enabled = Enabled::default();
    let mut killed: HashSet<usize> = HashSet::new();
    let mut tokens: Vec<&str> = Vec::new();
    let mut seclevel = None;
    // BoringSSL's equal-preference groups (`[A|B]`) only order suites: read them as a list.
    let list: String = list
        .chars()
        .filter(|c| !matches!(c, '[' | ']'))
        .map(|c| if c == '|' { ':' } else { c })
        .collect();
    for item in list.split([':', ',', ';', ' ', '\t', '\n', '\r']) {
        let mut pieces = item.split('@');
        let raw = pieces.next().unwrap_or("");
        for command in pieces {
            if let Some(n) = command.strip_prefix("SECLEVEL=") {
                seclevel = n.parse().ok();
            }
        }
        if raw.is_empty() {
            continue;
        }
        let (op, body) = match raw.as_bytes()[0] {
            b'!' | b'-' | b'+' => (raw.as_bytes()[0], &raw[1..]),
            _ => (b' ', raw),
        };
        let selected = suites.select(body);
        let token_index = tokens.len();
        tokens.push(raw);
        match op {
            b'!' => {
                for &s in &selected {
                    enabled.remove(s);
                }
                killed.extend(selected);
            }
            b'-' => {
                for &s in &selected {
                    enabled.remove(s);
                }
            }
            b'+' => {}
            _ => {
                for s in selected {
                    if !killed.contains(&s) {
                        enabled.add(s, token_index);
                    }
                }
            }
        }
    }
    let mut weak = Vec::new();
    for (s, t) in enabled.in_order() {
        let Some(suite) = suites.all.get(s) else {
            continue;
        };
        for weakness in suite.weaknesses() {
            weak.push(WeakSuite {
                suite: suite.name.clone(),
                weakness,
                token: tokens.get(t).copied().unwrap_or("").to_string(),
            });
        }
    }
    Evaluation { weak, seclevel }
}

/// The suites a cipher string can name: the known table first, then suites read off unknown
/// names as they appear, each findable by its upper-cased name.
struct Suites {
    all: Vec<Suite>,
    known: usize,
    by_name: HashMap<String, usize>,
}

impl Suites {
    fn known() -> Suites {
        let all: Vec<Suite> = SUITES.iter().filter_map(|n| Suite::from_name(n)).collect();
        let by_name = all
            .iter()
            .enumerate()
            .map(|(i, s)| (s.name.to_ascii_uppercase(), i))
            .collect();
        Suites {
            known: all.len(),
            all,
            by_name,
        }
    }

    /// The suites (indices into `all`) a token body selects: an alias, a suite name, or `A+B`
    /// (the intersection).
    fn select(&mut self, body: &str) -> Vec<usize> {
        let mut result: Option<Vec<usize>> = None;
        for part in body.split('+').filter(|p| !p.is_empty()) {
            let chosen = self.part(part);
            result = Some(match result {
                None => chosen,
                Some(prev) => prev.into_iter().filter(|i| chosen.contains(i)).collect(),
            });
        }
        result.unwrap_or_default()
    }

    /// The suites one alias or name selects; an unknown name that reads as a suite is added.
    fn part(&mut self, part: &str) -> Vec<usize> {
        let is_alias = self.all.first().is_some_and(|s| s.in_alias(part).is_some());
        let upper = part.to_ascii_uppercase();
        if is_alias {
            return self.all[..self.known]
                .iter()
                .enumerate()
                .filter(|(_, s)| {
                    s.in_alias(part).unwrap_or(false) || s.name.eq_ignore_ascii_case(part)
                })
                .map(|(i, _)| i)
                .collect();
        }
        if let Some(&i) = self.by_name.get(&upper) {
            return vec![i];
        }
        match Suite::from_name(part) {
            Some(s) => {
                self.all.push(s);
                self.by_name.insert(upper, self.all.len() - 1);
                vec![self.all.len() - 1]
            }
            None => Vec::new(),
        }
    }
}

/// The enabled suites in enabling order, each with the token that enabled it; removal leaves a
/// hole, so adding and removing are constant time.
#[derive(Default)]
struct Enabled {
    slots: Vec<Option<(usize, usize)>>,
    slot_of: HashMap<usize, usize>,
}

impl Enabled {
    fn add(&mut self, suite: usize, token: usize) {
        if !self.slot_of.contains_key(&suite) {
            self.slot_of.insert(suite, self.slots.len());
            self.slots.push(Some((suite, token)));
        }
    }

    fn remove(&mut self, suite: usize) {
        if let Some(slot) = self.slot_of.remove(&suite) {
            self.slots[slot] = None;
        }
    }

    fn in_order(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.slots.iter().flatten().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(s: &str) -> Vec<Weakness> {
        evaluate(s).classes()
    }

    #[test]
    fn exclusions_leave_no_weak_suite() {
        assert!(classes("ALL:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!3DES:!MD5:!PSK").is_empty());
        assert!(
            classes("DEFAULT:!aNULL:!eNULL:!MD5:!3DES:!DES:!RC4:!IDEA:!SEED:!aDSS:!SRP:!PSK")
                .is_empty()
        );
        assert!(classes("HIGH:!aNULL:!MD5").is_empty());
        assert!(classes("HIGH:!aNULL:!kRSA:!PSK:!SRP:!MD5:!RC4").is_empty());
        assert!(classes("ECDHE+AESGCM:ECDHE+CHACHA20:DHE+AESGCM").is_empty());
        assert!(classes("EECDH+AESGCM:EDH+AESGCM").is_empty());
    }

    #[test]
    fn mozilla_strings_are_clean() {
        let intermediate = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:DHE-RSA-CHACHA20-POLY1305";
        assert!(classes(intermediate).is_empty());
        let old = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:ECDHE-RSA-AES128-SHA:AES128-GCM-SHA256:AES128-SHA";
        assert!(classes(old).is_empty());
    }

    #[test]
    fn tls13_suites_are_strong_in_lists() {
        assert!(
            classes("TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256")
                .is_empty()
        );
        assert_eq!(
            classes("TLS_AES_128_CCM_8_SHA256"),
            vec![Weakness::ShortTag]
        );
        assert_eq!(classes("TLS_SHA256_SHA256"), vec![Weakness::IntegrityOnly]);
    }

    #[test]
    fn weak_aliases_and_names_are_found() {
        assert_eq!(classes("RC4-SHA"), vec![Weakness::Rc4]);
        assert!(classes("HIGH:!aNULL:RC4").contains(&Weakness::Rc4));
        assert!(classes("HIGH").contains(&Weakness::Anonymous));
        assert!(classes("ALL").contains(&Weakness::Anonymous));
        assert!(!classes("ALL").contains(&Weakness::Null));
        assert_eq!(
            classes("ALL:!aNULL:!EXPORT:!RC4:!DES:!3DES:!MD5:!RC2"),
            Vec::<Weakness>::new()
        );
        assert_eq!(classes("eNULL:!aNULL:!MD5"), vec![Weakness::Null]);
        assert_eq!(
            classes("HIGH:!aNULL:3DES:!aNULL"),
            vec![Weakness::TripleDes]
        );
        assert!(classes("EXPORT").contains(&Weakness::Export));
        assert_eq!(classes("TLS_RSA_WITH_RC4_128_SHA"), vec![Weakness::Rc4]);
        assert_eq!(
            classes("TLS_DH_anon_WITH_AES_128_CBC_SHA"),
            vec![Weakness::Anonymous]
        );
    }

    #[test]
    fn remove_and_kill_differ() {
        assert_eq!(classes("-RC4:RC4-SHA"), vec![Weakness::Rc4]);
        assert!(classes("!RC4:RC4-SHA").is_empty());
        assert!(classes("RC4-SHA:-RC4").is_empty());
        assert_eq!(classes("RC4-SHA:+RC4"), vec![Weakness::Rc4]);
        assert!(classes("+RC4").is_empty());
    }

    #[test]
    fn seclevel_and_separators() {
        assert_eq!(evaluate("DEFAULT@SECLEVEL=0").seclevel, Some(0));
        assert!(evaluate("DEFAULT@SECLEVEL=0").weak.is_empty());
        assert_eq!(evaluate("DEFAULT:@SECLEVEL=0").seclevel, Some(0));
        assert_eq!(
            classes("HIGH, RC4-MD5 !aNULL"),
            vec![Weakness::Rc4, Weakness::Md5]
        );
        assert!(classes("ALL:!COMPLEMENTOFDEFAULT:!eNULL").is_empty());
        assert!(classes("[ECDHE-ECDSA-AES128-GCM-SHA256|ECDHE-ECDSA-CHACHA20-POLY1305]:ECDHE-RSA-AES128-GCM-SHA256").is_empty());
        assert_eq!(
            classes("[ECDHE-ECDSA-AES128-GCM-SHA256|RC4-SHA]"),
            vec![Weakness::Rc4]
        );
    }

    #[test]
    fn the_token_that_enabled_a_suite_is_kept() {
        let e = evaluate("HIGH:!aNULL:DES-CBC3-SHA");
        assert_eq!(
            e.weak.first().map(|w| w.token.as_str()),
            Some("DES-CBC3-SHA")
        );
    }
}
