// The hotspot map: Leaflet without a tile layer. Communes are drawn at their centroids as reference points,
// hotspots as coloured circles (colour = status); a popup links to the hotspot's page. Data come from the
// scoped JSON endpoint named in the element's data-url. Text is put in with textContent (names are user input).
(function () {
  "use strict";
  var element = document.getElementById("ban-do-diem-phuc-tap");
  if (!element || typeof L === "undefined") { return; }
  var status = document.querySelector("[data-testid=map-status]");
  var labels = element.dataset;
  // Vietnam, islands included: the view before the data arrive.
  var map = L.map(element, { attributionControl: false, zoomSnap: 0.25 }).fitBounds([[8.2, 102.1], [23.4, 109.5]]);

  function say(text) { if (status) { status.textContent = text; } }

  function popup(hotspot) {
    var box = document.createElement("div");
    var title = document.createElement("strong");
    title.textContent = hotspot.name;
    box.appendChild(title);
    [hotspot.status_display, hotspot.kind_display, hotspot.commune, hotspot.address,
      hotspot.reactivation_count ? labels.labelReactivations + ": " + hotspot.reactivation_count : "",
      hotspot.approximate ? labels.labelApproximate : ""].forEach(function (line) {
      if (!line) { return; }
      var row = document.createElement("div");
      row.textContent = line;
      box.appendChild(row);
    });
    var link = document.createElement("a");
    link.href = hotspot.url;
    link.textContent = labels.labelOpen;
    link.setAttribute("data-testid", "map-popup-link");
    box.appendChild(link);
    return box;
  }

  // Hotspots placed at their commune's centroid are spread on a small circle so they do not hide each other.
  function spread(hotspots) {
    var byPlace = {};
    hotspots.forEach(function (h) {
      if (!h.approximate) { return; }
      var key = h.latitude + "," + h.longitude;
      (byPlace[key] = byPlace[key] || []).push(h);
    });
    Object.keys(byPlace).forEach(function (key) {
      var group = byPlace[key];
      if (group.length < 2) { return; }
      group.forEach(function (h, i) {
        var angle = 2 * Math.PI * i / group.length;
        h.latitude += 0.004 * Math.sin(angle);
        h.longitude += 0.004 * Math.cos(angle);
      });
    });
  }

  function draw(data) {
    var bounds = [];
    data.communes.forEach(function (c) {
      var marker = L.circleMarker([c.latitude, c.longitude], {
        radius: 4, color: "#6c7a91", weight: 2, fillColor: "#ffffff", fillOpacity: 1
      }).addTo(map);
      marker.bindTooltip(c.name, { permanent: data.communes.length <= 40, direction: "right", className: "pcmd-commune-label" });
      bounds.push([c.latitude, c.longitude]);
    });
    spread(data.hotspots);
    data.hotspots.forEach(function (h) {
      var marker = L.circleMarker([h.latitude, h.longitude], {
        radius: 9, color: h.approximate ? "#1d273b" : "#ffffff", weight: 2, dashArray: h.approximate ? "3 3" : null,
        fillColor: h.colour, fillOpacity: 0.9
      }).addTo(map);
      marker.bindPopup(popup(h));
      marker.getElement && marker.getElement() && marker.getElement().setAttribute("data-hotspot-id", h.id);
      bounds.push([h.latitude, h.longitude]);
    });
    if (bounds.length) { map.fitBounds(bounds, { padding: [30, 30], maxZoom: 14 }); }
    var message = data.hotspots.length ? "" : labels.labelEmpty;
    if (data.without_position) { message += (message ? " " : "") + labels.labelWithoutPosition + " " + data.without_position; }
    say(message);
    element.setAttribute("data-loaded", "true");
  }

  fetch(element.dataset.url, { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); })
    .then(draw)
    .catch(function () { say(labels.labelError); });
})();
