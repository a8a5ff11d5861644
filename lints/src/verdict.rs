//! What the verifier analysis says of a verifier type, as plain data shared with the policy: the
//! peer it checks, its verdict, and a type defined outside the linted files (learned from a
//! dependency or declared in the policy) known not to verify.

/// Which peer a verifier checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// A client checking the server (`ServerCertVerifier`, `ServerVerifier`).
    Server,
    /// A server checking client certificates (`ClientCertVerifier`).
    Client,
}

/// What a verifier impl was found to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// It verifies: delegates and propagates, pins with an `Err` branch, or decides on its arguments.
    Verifies,
    /// Every path accepts, or every error of its delegate is turned into success.
    AcceptsAll,
    /// It checks the chain but not the name, or turns `NotValidForName` into success.
    IgnoresHostname,
    /// It accepts everything when one of its own fields (or another run-time setting) says so.
    RuntimeControlled,
    /// It turns some chain errors (`UnknownIssuer`, `Expired`…) into success.
    SwallowsSomeErrors,
}

/// A verifier type defined outside the linted files that does not verify, learned from a
/// dependency's source or declared in the policy: an install of it in the workspace is reported
/// as an install of a workspace type would be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExternalVerifier {
    /// The crate name the workspace calls the dependency by (`wtransport`); an install site's
    /// type path must start with it.
    pub krate: String,
    /// The type's name (`NoServerVerification`).
    pub name: String,
    /// Which peer it checks.
    pub side: Side,
    /// What it does.
    pub verdict: Verdict,
    /// The package and version (`wtransport 0.6.1`).
    pub package: String,
    /// Where its impl is, in the package (`src/tls.rs:40`).
    pub at: String,
    /// Where the policy declares it (`` `tlslint.toml`, line 3 ``), for a declared type; `None`
    /// for a learned one.
    pub declared_in: Option<String>,
}
