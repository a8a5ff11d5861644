// Names bound by patterns and shadowed names: the nearest earlier binding in scope gives the
// value, and each shape gets the verdict of the literal written at the setter.

pub struct Settings {
    pub insecure: bool,
    pub timeout: u64,
}

pub fn tuple() {
    let (timeout, insecure) = (30, true);
    let _ = timeout;
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(insecure);
    //~^ cert_verification_disabled
}

pub fn tuple_after_rest() {
    let (_, .., insecure) = (30, 1, true);
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(insecure);
    //~^ cert_verification_disabled
}

pub fn struct_pattern() {
    let s = Settings { insecure: true, timeout: 30 };
    let Settings { insecure, .. } = s;
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(insecure);
    //~^ cert_verification_disabled
}

pub fn if_let() {
    let configured = Some(true);
    if let Some(insecure) = configured {
        let _ = reqwest::Client::builder().danger_accept_invalid_certs(insecure);
        //~^ cert_verification_disabled
    }
}

pub fn match_arm() {
    let configured = Some(true);
    match configured {
        Some(insecure) => {
            let _ = reqwest::Client::builder().danger_accept_invalid_certs(insecure);
            //~^ cert_verification_disabled
        }
        None => {}
    }
}

pub fn let_else() {
    let configured = Some(true);
    let Some(insecure) = configured else { return };
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(insecure);
    //~^ cert_verification_disabled
}

// Shadowing: the binding in a sibling block, and the one after the call, do not count.
pub fn sibling_block_does_not_shadow() {
    let insecure = true;
    {
        let insecure = false;
        let _ = insecure;
    }
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(insecure);
    //~^ cert_verification_disabled
}

pub fn nearest_binding_wins() {
    let insecure = false;
    let (insecure, _) = (true, insecure);
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(insecure);
    //~^ cert_verification_disabled
}

// The same shapes giving `false`: nothing to report.
pub fn safe_bindings() {
    let (_, verify_off) = (30, false);
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(verify_off);
    let s = Settings { insecure: false, timeout: 30 };
    let Settings { insecure, .. } = s;
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(insecure);
    if let Some(off) = Some(false) {
        let _ = reqwest::Client::builder().danger_accept_invalid_certs(off);
    }
}

pub fn safe_after_shadowing() {
    let insecure = false;
    {
        let insecure = true;
        let _ = insecure;
    }
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(insecure);
    let insecure = true;
    let _ = insecure;
}
