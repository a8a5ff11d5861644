// A value passed to a helper is judged by what the helper's callers pass.

fn make_client(insecure: bool) -> reqwest::Client {
    reqwest::Client::builder().danger_accept_invalid_certs(insecure).build().unwrap()
    //~^ cert_verification_disabled
}

pub fn debug_client() -> reqwest::Client {
    make_client(true)
}

pub fn release_client() -> reqwest::Client {
    make_client(false)
}

// Every caller passes the safe value: no finding.
fn only_safe(insecure: bool) -> reqwest::Client {
    reqwest::Client::builder().danger_accept_invalid_certs(insecure).build().unwrap()
}

pub fn safe_client() -> reqwest::Client {
    only_safe(false)
}

// Two hops: the constant is passed through another helper's parameter.
fn inner(skip: bool) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(skip)
    //~^ cert_verification_disabled
}

fn outer(skip: bool) -> reqwest::ClientBuilder {
    inner(skip)
}

pub fn two_hops() -> reqwest::ClientBuilder {
    outer(true)
}

// A method called on `self` and an associated function called by `Self::`.
pub struct Api;

impl Api {
    fn client(&self, insecure: bool) -> reqwest::ClientBuilder {
        reqwest::Client::builder().danger_accept_invalid_certs(insecure)
        //~^ cert_verification_disabled
    }

    fn builder(insecure: bool) -> reqwest::ClientBuilder {
        reqwest::Client::builder().danger_accept_invalid_certs(insecure)
        //~^ cert_verification_disabled
    }

    pub fn run(&self) {
        let _ = self.client(true);
        let _ = Self::builder(true);
    }
}

// A caller decides at run time: the run-time finding, pointing at that caller.
fn from_flag(insecure: bool) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(insecure)
    //~^ cert_verification_runtime_toggle
}

pub fn flagged() -> reqwest::ClientBuilder {
    from_flag(std::env::var("INSECURE").is_ok())
}

// Recursion is followed once; the only outside caller passes `false`.
fn retry(insecure: bool, attempts: u32) -> reqwest::ClientBuilder {
    if attempts > 0 {
        return retry(insecure, attempts - 1);
    }
    reqwest::Client::builder().danger_accept_invalid_certs(insecure)
}

pub fn retrying() -> reqwest::ClientBuilder {
    retry(false, 3)
}

// A public function: callers outside the package decide, so the run-time finding stays.
pub fn public_helper(insecure: bool) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(insecure)
    //~^ cert_verification_runtime_toggle
}

pub fn uses_public() -> reqwest::ClientBuilder {
    public_helper(false)
}

// A method of the same name on another receiver is not this function.
fn connect(insecure: bool) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(insecure)
}

pub fn other_receiver(pool: &Pool) {
    pool.connect(true);
    let _ = connect(false);
}

pub struct Pool;
impl Pool {
    pub fn connect(&self, _retry: bool) {}
}

// Callers in test code do not make a production sink dangerous.
fn test_only(insecure: bool) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(insecure)
}

pub fn production() -> reqwest::ClientBuilder {
    test_only(false)
}

#[cfg(test)]
mod tests {
    #[test]
    fn insecure_in_tests() {
        let _ = super::test_only(true);
    }
}
