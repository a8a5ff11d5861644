// A setting given the negation of a parameter or a field (`danger_accept_invalid_certs(!verify)`,
// `if !verify { … }`) waits for that parameter or field to be `false`: callers that pass `false`
// make it the constant finding, callers that pass `true` make nothing, a run-time value warns.
pub struct Settings {
    pub verify: bool,
}

fn client(verify: bool) -> reqwest::Client {
    reqwest::Client::builder()
        .danger_accept_invalid_certs(!verify)
        //~^ cert_verification_disabled
        .build()
        .expect("client")
}

pub fn skips_verification() -> reqwest::Client {
    client(false)
}

fn from_settings(settings: &Settings) -> reqwest::Client {
    reqwest::Client::builder()
        .danger_accept_invalid_certs(!settings.verify)
        //~^ cert_verification_disabled
        .build()
        .expect("client")
}

pub fn configured() -> reqwest::Client {
    from_settings(&Settings { verify: false })
}

fn guarded(verify: bool) -> reqwest::Client {
    let mut builder = reqwest::Client::builder();
    if !verify {
        builder = builder.danger_accept_invalid_certs(true);
        //~^ cert_verification_runtime_toggle
    }
    builder.build().expect("client")
}

pub fn from_env() -> reqwest::Client {
    guarded(std::env::var("TLS_VERIFY").is_ok())
}

fn verified(verify: bool) -> reqwest::Client {
    reqwest::Client::builder()
        .danger_accept_invalid_certs(!verify)
        .build()
        .expect("client")
}

pub fn always_verified() -> reqwest::Client {
    verified(true)
}
