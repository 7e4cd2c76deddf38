// A reservation's history, oldest first, in words.
import type { ReservationEventDto } from "@sejour/sdk";
import { getTranslations } from "next-intl/server";
import { formatInstant } from "@/lib/format";

const KINDS = ["created", "updated", "confirmed", "cancelled", "completed", "paymentreceived", "refunded"] as const;

/** `reservations.ReservationConfirmed` → `confirmed`. */
export function eventKind(type: string): (typeof KINDS)[number] | undefined {
  const kind = type.replace(/^reservations\.Reservation/, "").toLowerCase();
  return KINDS.find((k) => k === kind);
}

export async function Timeline({ events, locale }: { events: ReservationEventDto[]; locale: string }) {
  const t = await getTranslations("account");
  return (
    <ol>
      {events.map((event) => {
        const kind = eventKind(event.type);
        return (
          <li key={event.id}>
            {formatInstant(event.occurredAt, locale)} — {kind ? t(`events.${kind}`) : event.type}
          </li>
        );
      })}
    </ol>
  );
}
