import type { Config } from "tailwindcss";

/** Read by Tailwind through `@config` in src/app/styles.css. */
export default {
  content: ["./index.html", "./src/app/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        // The mask tint and the accent share one colour so "what will be repainted" reads at once.
        accent: { DEFAULT: "#e5484d", soft: "#fbd5d6" },
        canvas: "#1c1c1f",
      },
      fontFamily: {
        sans: ["Inter", "ui-sans-serif", "system-ui", "sans-serif"],
      },
    },
  },
} satisfies Config;
