// A private helper's parameter that its callers set to `true` only under a condition decided at
// run time is a run-time choice, exactly like the same `if` written around the setting itself.

pub struct Http {
    client: reqwest::Client,
}

fn build(insecure: bool) -> reqwest::Client {
    let mut builder = reqwest::Client::builder();
    if insecure {
        builder = builder.danger_accept_invalid_certs(true);
        //~^ cert_verification_runtime_toggle
    }
    builder.build().unwrap()
}

impl Http {
    pub fn new() -> Self {
        Http { client: build(false) }
    }

    pub fn with_insecure(mut self, insecure: bool) -> Self {
        if insecure {
            self.client = build(true);
        }
        self
    }
}

// The direct spelling: the same condition around the setting.
pub fn direct(insecure: bool) -> reqwest::Client {
    let mut builder = reqwest::Client::builder();
    if insecure {
        builder = builder.danger_accept_invalid_certs(true);
        //~^ cert_verification_runtime_toggle
    }
    builder.build().unwrap()
}

// A caller that passes `true` whenever it runs still makes the constant finding.
fn build_always(insecure: bool) -> reqwest::Client {
    let mut builder = reqwest::Client::builder();
    if insecure {
        builder = builder.danger_accept_invalid_certs(true);
        //~^ cert_verification_disabled
    }
    builder.build().unwrap()
}

pub fn always() -> reqwest::Client {
    build_always(true)
}
