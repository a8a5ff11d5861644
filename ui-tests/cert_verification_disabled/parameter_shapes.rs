// A parameter held in a local name (`let x = insecure;`, `if let Some(v) = insecure`) is settled
// by the function's callers, exactly as the parameter written at the setter is.

fn direct(insecure: bool) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(insecure)
    //~^ cert_verification_disabled
}

fn through_a_let(insecure: bool) -> reqwest::ClientBuilder {
    let skip = insecure;
    reqwest::Client::builder().danger_accept_invalid_certs(skip)
    //~^ cert_verification_disabled
}

fn through_if_let(insecure: Option<bool>) -> reqwest::ClientBuilder {
    let builder = reqwest::Client::builder();
    if let Some(skip) = insecure {
        return builder.danger_accept_invalid_certs(skip);
        //~^ cert_verification_disabled
    }
    builder
}

// The safe callers: nothing to report.
fn through_a_let_safe(insecure: bool) -> reqwest::ClientBuilder {
    let skip = insecure;
    reqwest::Client::builder().danger_accept_invalid_certs(skip)
}

pub fn callers() {
    let _ = direct(true);
    let _ = through_a_let(true);
    let _ = through_if_let(Some(true));
    let _ = through_a_let_safe(false);
}

// A condition that is a named closure's parameter: one call making it true is the constant
// finding, as a function's parameter is.
fn guarded(insecure: bool) -> reqwest::ClientBuilder {
    let builder = reqwest::Client::builder();
    if insecure { builder.danger_accept_invalid_certs(true) } else { builder }
    //~^ cert_verification_disabled
}

pub fn guarded_callers() {
    let _ = guarded(true);
    let _ = guarded(false);
}

pub fn guarded_closure() {
    let mk = |insecure: bool| {
        let builder = reqwest::Client::builder();
        if insecure { builder.danger_accept_invalid_certs(true) } else { builder }
        //~^ cert_verification_disabled
    };
    let _ = mk(true);
    let _ = mk(false);
}

pub fn guarded_closure_safe() {
    let mk = |insecure: bool| {
        let builder = reqwest::Client::builder();
        if insecure { builder.danger_accept_invalid_certs(true) } else { builder }
    };
    let _ = mk(false);
}

// A `let` is not in scope in its own initializer: `let insecure = insecure;` rebinds the
// parameter, which its caller sets to `true`.
fn rebound(insecure: bool) -> reqwest::ClientBuilder {
    let insecure = insecure;
    reqwest::Client::builder().danger_accept_invalid_certs(insecure)
    //~^ cert_verification_disabled
}

pub fn rebound_caller() {
    let _ = rebound(true);
}
