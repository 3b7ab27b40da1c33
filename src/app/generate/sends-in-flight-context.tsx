import { createContext, type ReactNode, useContext, useEffect, useState } from "react";
import { SendsInFlight } from "./sends-in-flight";

const SendsInFlightContext = createContext<SendsInFlight | null>(null);

/** One record of the uploads in flight for the app below it; they stop when it unmounts. */
export function SendsInFlightProvider({ children }: { children: ReactNode }) {
  const [sends] = useState(() => new SendsInFlight());
  useEffect(() => () => sends.destroy(), [sends]);
  return <SendsInFlightContext.Provider value={sends}>{children}</SendsInFlightContext.Provider>;
}

export function useSendsInFlight(): SendsInFlight {
  const sends = useContext(SendsInFlightContext);
  if (!sends) throw new Error("useSendsInFlight needs a SendsInFlightProvider above it.");
  return sends;
}
