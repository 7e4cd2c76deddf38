"use client";
// Search results on a map (Leaflet). The tile server comes from the configuration
// (SEJOUR_MAP_TILES_URL); markers link to each property with its price.
import "leaflet/dist/leaflet.css";
import { useEffect, useRef } from "react";

export interface MapPoint {
  id: string;
  name: string;
  lat: number;
  lng: number;
  price: string;
  href: string;
}

export function ResultsMap({
  points,
  tiles,
  attribution,
  label,
}: {
  points: MapPoint[];
  tiles: string;
  attribution: string;
  label: string;
}) {
  const element = useRef<HTMLElement>(null);
  useEffect(() => {
    let map: import("leaflet").Map | undefined;
    let cancelled = false;
    // Leaflet touches `window`: loaded in the browser only.
    import("leaflet").then((L) => {
      if (cancelled || !element.current || points.length === 0) return;
      map = L.map(element.current, { scrollWheelZoom: false });
      L.tileLayer(tiles, { attribution, maxZoom: 18 }).addTo(map);
      const bounds = L.latLngBounds([]);
      for (const point of points) {
        const marker = L.circleMarker([point.lat, point.lng], { radius: 9, color: "#0b5c6b", fillOpacity: 0.85 });
        const link = document.createElement("a");
        link.href = point.href;
        link.textContent = `${point.name} — ${point.price}`;
        marker.bindPopup(link).addTo(map);
        bounds.extend([point.lat, point.lng]);
      }
      map.fitBounds(bounds, { padding: [24, 24], maxZoom: 12 });
    });
    return () => {
      cancelled = true;
      map?.remove();
    };
  }, [points, tiles, attribution]);
  return <section ref={element} className="map" aria-label={label} data-testid="results-map" />;
}
