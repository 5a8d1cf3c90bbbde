// The console's push channel: opens /console/push and updates the page as frames arrive.
// Frames hold statuses and digit counts only: each redraws the fields' dots at once, then asks the
// server for a fresh rendering (tonewallRefresh, a p:remoteCommand) unless only a digit came in.
(function () {
  function open() {
    var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    var socket = new WebSocket(scheme + location.host + (window.tonewallContext || '') + '/console/push');
    socket.onmessage = function (event) {
      var frame = JSON.parse(event.data);
      var digitOnly = frame.event === 'field.progress';
      Object.keys(frame.fields || {}).forEach(function (name) {
        var dots = document.getElementById('dots-' + name);
        if (dots) {
          dots.textContent = '\u25CF'.repeat(frame.fields[name].digits);
          dots.dataset.digits = frame.fields[name].digits;
        }
      });
      if (!digitOnly && typeof tonewallRefresh === 'function') {
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
