// pingora 0.9 `PeerOptions` (`#[non_exhaustive]`, so set field by field): `verify_cert = false`
// turns chain validation off for the upstream connection.

use pingora_core::upstreams::peer::HttpPeer;

fn upstream() -> Box<HttpPeer> {
    let mut peer = HttpPeer::new(("10.0.0.1", 443), true, "api.example.com".to_string());
    peer.options.verify_cert = false;
    //~^ cert_verification_disabled
    Box::new(peer)
}

// The safe spelling: the default (`true`), set explicitly.
fn verified() -> Box<HttpPeer> {
    let mut peer = HttpPeer::new(("10.0.0.1", 443), true, "api.example.com".to_string());
    peer.options.verify_cert = true;
    Box::new(peer)
}
