// A closure bound to a name is treated like a local function: its parameter has the values its
// calls pass, with the verdict the same value gets through a function's parameter.

fn make(insecure: bool) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(insecure)
    //~^ cert_verification_disabled
}

pub fn through_a_function() {
    let _ = make(true);
}

pub fn through_a_closure() {
    let mk = |insecure: bool| reqwest::Client::builder().danger_accept_invalid_certs(insecure);
    //~^ cert_verification_disabled
    let _ = mk(true);
}

// One call passing `true` is enough, as for a function whose callers disagree.
fn make_either(insecure: bool) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(insecure)
    //~^ cert_verification_disabled
}

pub fn function_called_with_both() {
    let _ = make_either(true);
    let _ = make_either(false);
}

pub fn closure_called_with_both() {
    let mk = |insecure| reqwest::Client::builder().danger_accept_invalid_certs(insecure);
    //~^ cert_verification_disabled
    let _ = mk(true);
    let _ = mk(false);
}

pub fn closure_with_two_parameters() {
    let mk = |timeout: u64, insecure: bool| {
        let _ = timeout;
        reqwest::Client::builder().danger_accept_invalid_certs(insecure)
        //~^ cert_verification_disabled
    };
    let insecure = true;
    let _ = mk(30, insecure);
}

// The captured outer `let`, as in `local_shapes.rs`, alongside its safe counterpart.
pub fn captured() {
    let insecure = true;
    let mk = || reqwest::Client::builder().danger_accept_invalid_certs(insecure);
    //~^ cert_verification_disabled
    let _ = mk();
}

// Safe everywhere: nothing to report, through the function or the closure.
fn make_safe(insecure: bool) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(insecure)
}

pub fn safe_calls() {
    let _ = make_safe(false);
    let mk = |insecure: bool| reqwest::Client::builder().danger_accept_invalid_certs(insecure);
    let _ = mk(false);
    let _ = mk(false);
    let verify_off = false;
    let captured = || reqwest::Client::builder().danger_accept_invalid_certs(verify_off);
    let _ = captured();
}

// A call of another closure bound to the same name later does not count.
pub fn rebound_name() {
    let mk = |insecure: bool| reqwest::Client::builder().danger_accept_invalid_certs(insecure);
    let _ = mk(false);
    let mk = |timeout: u64| timeout;
    let _ = mk(1);
}
