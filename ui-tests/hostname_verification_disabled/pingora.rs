// pingora 0.9 `PeerOptions::verify_hostname = false`: the upstream's certificate is not checked
// against its name.

use pingora_core::upstreams::peer::HttpPeer;

fn upstream() -> Box<HttpPeer> {
    let mut peer = HttpPeer::new(("10.0.0.1", 443), true, "api.example.com".to_string());
    peer.options.verify_hostname = false;
    //~^ hostname_verification_disabled
    Box::new(peer)
}

// The safe spelling: the default (`true`), or an extra accepted name.
fn verified() -> Box<HttpPeer> {
    let mut peer = HttpPeer::new(("10.0.0.1", 443), true, "api.example.com".to_string());
    peer.options.verify_hostname = true;
    peer.options.alternative_cn = Some("api-internal.example.com".to_string());
    Box::new(peer)
}
