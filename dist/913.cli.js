export const id = 913;
export const ids = [913];
export const modules = {

/***/ 8294:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   objectStoreOf: () => (/* binding */ objectStoreOf)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _config_io_load_config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4218);
/* harmony import */ var _state_io_state_store_for_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(871);



/** The object store (audit records, backups, locks) of a working directory's configured state store. */
async function objectStoreOf(where) {
    const workingDir = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(where.workingDir);
    return (0,_state_io_state_store_for_js__WEBPACK_IMPORTED_MODULE_2__/* .storesFor */ .i)(workingDir, await (0,_config_io_load_config_js__WEBPACK_IMPORTED_MODULE_1__/* .loadConfig */ .Z)(workingDir, where.config)).objects;
}


/***/ })

};
