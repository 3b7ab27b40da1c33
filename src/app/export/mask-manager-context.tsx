import { createContext, type ReactNode, useContext, useEffect, useState } from "react";
import { MaskManager } from "./mask-manager";

const MaskManagerContext = createContext<MaskManager | null>(null);

/** One MaskManager for the app below it, destroyed when the app unmounts. */
export function MaskManagerProvider({ children }: { children: ReactNode }) {
  const [manager] = useState(() => new MaskManager());
  useEffect(() => () => manager.destroy(), [manager]);
  return <MaskManagerContext.Provider value={manager}>{children}</MaskManagerContext.Provider>;
}

export function useMaskManager(): MaskManager {
  const manager = useContext(MaskManagerContext);
  if (!manager) throw new Error("useMaskManager needs a MaskManagerProvider above it.");
  return manager;
}
