// Names bound by patterns from values decided at run time: TLS104 naming where they come from.

pub struct Settings {
    pub insecure: bool,
}

pub fn if_let_env() {
    if let Ok(v) = std::env::var("TLS_INSECURE") {
        let insecure = v == "1";
        let _ = reqwest::Client::builder().danger_accept_invalid_certs(insecure);
        //~^ cert_verification_runtime_toggle
    }
}

pub fn match_arm_env() {
    match std::env::var("TLS_INSECURE").ok().map(|v| v == "1") {
        Some(insecure) => {
            let _ = reqwest::Client::builder().danger_accept_invalid_certs(insecure);
            //~^ cert_verification_runtime_toggle
        }
        None => {}
    }
}

pub fn tuple_env() {
    let (insecure, _) = (std::env::var("TLS_INSECURE").is_ok(), 1);
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(insecure);
    //~^ cert_verification_runtime_toggle
}

pub fn destructured_parameter(s: Settings) {
    let Settings { insecure } = s;
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(insecure);
    //~^ cert_verification_runtime_toggle
}

// A pattern binding shadows the parameter of the same name: its callers do not decide.
fn shadowed_parameter(insecure: bool) -> reqwest::ClientBuilder {
    let _ = insecure;
    let (insecure, _) = (std::env::var("TLS_INSECURE").is_ok(), 1);
    reqwest::Client::builder().danger_accept_invalid_certs(insecure)
    //~^ cert_verification_runtime_toggle
}

pub fn callers() {
    let _ = shadowed_parameter(false);
}

// A loop variable shadows the outer `let` of the same name: its values come from the iterator,
// at run time.
pub fn for_loop_shadows(flags: Vec<bool>) {
    let insecure = true;
    let _ = insecure;
    for insecure in flags {
        let _ = reqwest::Client::builder().danger_accept_invalid_certs(insecure);
        //~^ cert_verification_runtime_toggle
    }
}

pub fn while_let_shadows() {
    let insecure = true;
    let _ = insecure;
    let mut args = std::env::args().map(|a| a == "--insecure");
    while let Some(insecure) = args.next() {
        let _ = reqwest::Client::builder().danger_accept_invalid_certs(insecure);
        //~^ cert_verification_runtime_toggle
    }
}
