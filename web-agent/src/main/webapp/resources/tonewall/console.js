// The console's push channel: opens /console/push and updates the page as frames arrive.
// Frames hold statuses and digit counts only. A "field" frame redraws that field's dots at once;
// a "session" frame asks the server for a fresh rendering (tonewallRefresh, a p:remoteCommand).
(function () {
  function open() {
    var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    var socket = new WebSocket(scheme + location.host + (window.tonewallContext || '') + '/console/push');
    socket.onmessage = function (event) {
      var frame = JSON.parse(event.data);
      if (frame.type === 'field') {
        var dots = document.getElementById('dots-' + frame.field);
        if (dots) {
          dots.textContent = '\u25CF'.repeat(frame.digits);
        }
        if (frame.state !== 'REQUESTED' && typeof tonewallRefresh === 'function') {
          tonewallRefresh();
        }
      } else if (typeof tonewallRefresh === 'function') {
        tonewallRefresh();
      }
    };
    socket.onclose = function (event) {
      if (event.code !== 1008) {
        setTimeout(open, 5000);
      }
    };
  }
  if (window.WebSocket) {
    open();
  }
})();
// The inactivity timeout, counted down on the page from the deadline the server rendered.
setInterval(function () {
  var timeout = document.getElementById('timeout');
  if (timeout && timeout.dataset.deadline && timeout.dataset.deadline !== '0') {
    timeout.textContent = Math.max(0, Math.round((Number(timeout.dataset.deadline) - Date.now()) / 1000));
  }
}, 1000);
