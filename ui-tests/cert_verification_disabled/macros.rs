thread_local! {
    static CLIENT: reqwest::blocking::Client =
        reqwest::blocking::Client::builder().danger_accept_invalid_certs(true).build().unwrap();
        //~^ cert_verification_disabled
}

cfg_if::cfg_if! {
    if #[cfg(feature = "insecure")] {
        fn builder() -> reqwest::ClientBuilder {
            reqwest::Client::builder().danger_accept_invalid_hostnames(true)
            //~^ hostname_verification_disabled
        }
    }
}

async fn select(a: tokio::sync::oneshot::Receiver<()>, b: tokio::sync::oneshot::Receiver<()>) {
    tokio::select! {
        _ = a => {
            let _ = reqwest::Client::builder().danger_accept_invalid_certs(true).build();
            //~^ cert_verification_disabled
        }
        _ = b => {}
    }
}

fn vec_and_assert() {
    let builders = vec![reqwest::Client::builder().danger_accept_invalid_certs(true)];
    //~^ cert_verification_disabled
    assert!(builders.len() == 1, "{:?}", reqwest::Client::builder().danger_accept_invalid_certs(false));
}
