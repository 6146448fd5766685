// Draws the listed stations on a map when a tile source is configured (unionhub.stations.map-tiles).
(function () {
  var el = document.getElementById('map');
  if (!el || !window.L) { return; }
  var rows = document.querySelectorAll('tr[data-lat]');
  var map = L.map(el);
  L.tileLayer(el.dataset.tiles, {maxZoom: 18}).addTo(map);
  var points = [];
  rows.forEach(function (row) {
    var p = [parseFloat(row.dataset.lat), parseFloat(row.dataset.lng)];
    points.push(p);
    L.marker(p).addTo(map).bindPopup(row.dataset.name);
  });
  if (points.length) { map.fitBounds(points, {maxZoom: 15}); } else { map.setView([39.9, 116.4], 10); }
})();
