export { delegationKey, mintDelegation, verifyDelegation, type DelegationClaims } from "../../src/odoo/delegation.js";
