/** Version of the design document format written by this build (the envelope's `archwright`). */
export const DESIGN_VERSION = 1;
