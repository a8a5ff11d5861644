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
