// A named closure called with a value decided at run time: TLS104 naming where it comes from,
// as through a function's parameter.

fn make(insecure: bool) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(insecure)
    //~^ cert_verification_runtime_toggle
}

pub fn through_a_function() {
    let _ = make(std::env::var("TLS_INSECURE").is_ok());
}

pub fn through_a_closure() {
    let mk = |insecure: bool| reqwest::Client::builder().danger_accept_invalid_certs(insecure);
    //~^ cert_verification_runtime_toggle
    let _ = mk(std::env::var("TLS_INSECURE").is_ok());
    let _ = mk(false);
}

pub fn captured_from_the_environment() {
    let insecure = std::env::var("TLS_INSECURE").is_ok();
    let mk = || reqwest::Client::builder().danger_accept_invalid_certs(insecure);
    //~^ cert_verification_runtime_toggle
    let _ = mk();
}

// A closure that is not bound to a name (passed straight to `map`): its parameter is a run-time
// value.
pub fn unnamed_closure(flags: Vec<bool>) {
    let _: Vec<_> = flags
        .into_iter()
        .map(|insecure| reqwest::Client::builder().danger_accept_invalid_certs(insecure))
        //~^ cert_verification_runtime_toggle
        .collect();
}
