// The same constant reaches the setter through a closure's capture, a dereference or a clone.

pub fn captured() {
    let insecure = true;
    let build = || reqwest::Client::builder().danger_accept_invalid_certs(insecure);
    //~^ cert_verification_disabled
    let _ = build();
}

pub fn dereferenced() {
    let insecure = &true;
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(*insecure);
    //~^ cert_verification_disabled
}

pub fn cloned() {
    let insecure = true;
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(insecure.clone());
    //~^ cert_verification_disabled
}

// A closure's own parameter shadows the captured name: its value is decided at run time.
pub fn shadowed(flags: &[bool]) {
    let insecure = true;
    let _ = insecure;
    for f in flags {
        let build = |insecure: bool| reqwest::Client::builder().danger_accept_invalid_certs(insecure);
        //~^ cert_verification_runtime_toggle
        let _ = build(*f);
    }
}

// The safe constant through the same shapes: nothing to report.
pub fn safe() {
    let verify_off = false;
    let build = || reqwest::Client::builder().danger_accept_invalid_certs(verify_off.clone());
    let _ = build();
}

// A field of a struct literal bound by `let` has the value written in the literal.
pub struct Settings {
    pub insecure: bool,
    pub timeout: u64,
}

pub fn from_settings() {
    let s = Settings { insecure: true, timeout: 30 };
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(s.insecure);
    //~^ cert_verification_disabled
}

pub fn from_safe_settings() {
    let s = Settings { insecure: false, timeout: 30 };
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(s.insecure);
}

// A field the literal does not set, or a binding that may change, is still decided at run time.
pub fn from_mutable_settings(flag: bool) {
    let mut s = Settings { insecure: false, timeout: 30 };
    s.insecure = flag;
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(s.insecure);
    //~^ cert_verification_runtime_toggle
}
