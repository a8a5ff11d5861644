macro_rules! insecure_client {
    ($b:expr) => {
        $b.danger_accept_invalid_certs(true)
        //~^ cert_verification_disabled
    };
}

lazy_static::lazy_static! {
    static ref CLIENT: reqwest::blocking::Client =
        reqwest::blocking::Client::builder().danger_accept_invalid_certs(true).build().unwrap();
        //~^ cert_verification_disabled
}

fn main() {
    let _ = insecure_client!(reqwest::Client::builder());
}
