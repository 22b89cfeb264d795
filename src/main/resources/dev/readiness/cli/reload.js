// readiness serve: reloads this page when the site has been rebuilt. Served by `readiness serve`
// only; it is not part of the generated site. It polls with a script element (not fetch), so a
// page whose Content-Security-Policy allows only 'self' scripts still reloads.
(function () {
  "use strict";
  var me = document.currentScript;
  var built = me ? new URL(me.src, location.href).searchParams.get("stamp") : null;
  window.__readinessStamp = function (stamp) {
    if (built === null) {
      built = stamp;
    } else if (stamp !== built) {
      location.reload();
    }
  };
  function poll() {
    var s = document.createElement("script");
    s.src = "/__readiness/stamp.js?t=" + Date.now();
    s.onload = s.onerror = function () {
      s.remove();
    };
    (document.head || document.documentElement).appendChild(s);
  }
  setInterval(poll, 1000);
})();
