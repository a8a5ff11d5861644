// A parameter held in a local name, whose caller passes a value decided at run time: TLS104
// naming the caller's origin, as for the parameter written at the setter.

fn direct(insecure: bool) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(insecure)
    //~^ cert_verification_runtime_toggle
}

fn through_a_let(insecure: bool) -> reqwest::ClientBuilder {
    let skip = insecure;
    reqwest::Client::builder().danger_accept_invalid_certs(skip)
    //~^ cert_verification_runtime_toggle
}

pub fn callers() {
    let _ = direct(std::env::var("TLS_INSECURE").is_ok());
    let _ = through_a_let(std::env::var("TLS_INSECURE").is_ok());
}

pub fn guarded_closure() {
    let mk = |insecure: bool| {
        let builder = reqwest::Client::builder();
        if insecure { builder.danger_accept_invalid_certs(true) } else { builder }
        //~^ cert_verification_runtime_toggle
    };
    let _ = mk(std::env::var("TLS_INSECURE").is_ok());
}
