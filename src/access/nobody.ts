/** Nobody, through any API: for records and fields only the server's own code writes and reads. */
export const nobody = () => false
