"use client";
// Reloads the page's data every moment while shown (at most `times` times): what a consumer of
// the outbox records right after a change (a payment confirming a booking) then appears
// without a manual reload; the page stops rendering it once the change shows.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function RefreshSoon({ every = 1500, times = 10 }: { every?: number; times?: number }) {
  const router = useRouter();
  useEffect(() => {
    let left = times;
    const timer = setInterval(() => {
      if (left-- <= 0) clearInterval(timer);
      else router.refresh();
    }, every);
    return () => clearInterval(timer);
  }, [router, every, times]);
  return null;
}
